using CertBuildTasks.IO;
using CertBuildTasks.Pipeline;
using Microsoft.Build.Framework;

namespace CertBuildTasks.MSBuild;

/// <summary>
/// The CertPlan target's task: plans every certificate and judges the plan (CBT21xx). Only when no
/// error remains does it hand the plan to the targets: as @(CertPlannedCertificate) in this build, and
/// as the plan.items file the targets read when planning is up to date.
/// </summary>
public sealed class PlanCertificates : CertStageTask
{
    protected override PipelineStage Stage => PipelineStage.Plan;

    /// <summary>One item per planned certificate, with its metadata (docs/planning.md).</summary>
    [Output]
    public ITaskItem[] PlannedCertificates { get; private set; } = [];

    protected override void ExecuteCore()
    {
        var planned = Pipeline.Plan(CancellationToken);
        if (!Complete(planned))
        {
            return; // the previous items stay as they were: never a half-written or wrong plan
        }

        var plan = planned.Value!.Plan;
        PlannedCertificates = PlannedCertificateItems.From(plan);
        AtomicFile.WriteAllBytesIfChanged(State.PathOf(BuildState.PlanItemsFile), PlannedCertificateItems.Write(plan));
        Log.LogMessage(MessageImportance.Normal, "CertBuildTasks planned {0} certificates", plan.Certificates.Length);
    }
}
