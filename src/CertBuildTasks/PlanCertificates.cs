using CertBuildTasks.IO;
using CertBuildTasks.Pipeline;
using Microsoft.Build.Framework;

namespace CertBuildTasks.MSBuild;

/// <summary>
/// The CertPlan target's task: plans every certificate and judges the plan (CBT21xx). Only when no
/// error remains does it write plan.items, from which CertGetPlannedCertificates makes
/// @(CertPlannedCertificate) for the targets that ask for them.
/// </summary>
public sealed class PlanCertificates : CertStageTask
{
    protected override PipelineStage Stage => PipelineStage.Plan;

    protected override void ExecuteCore()
    {
        var planned = Pipeline.Plan(CancellationToken);
        if (!Complete(planned))
        {
            return; // the previous items stay as they were: never a half-written or wrong plan
        }

        var plan = planned.Value!.Plan;
        AtomicFile.WriteAllBytesIfChanged(State.PathOf(BuildState.PlanItemsFile), PlannedCertificateItems.Write(plan));
        Log.LogMessage(MessageImportance.Normal, "CertBuildTasks planned {0} certificates", plan.Certificates.Length);
    }
}
