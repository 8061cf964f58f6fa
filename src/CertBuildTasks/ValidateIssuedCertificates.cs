using CertBuildTasks.Pipeline;
using Microsoft.Build.Framework;

namespace CertBuildTasks.MSBuild;

/// <summary>
/// The CertValidateIssued target's task, the pre-deployment gate: judges the IssuedCertificate items
/// against the plan. It runs on every build that has issued certificates (expiry depends on the clock);
/// what passed goes to generation and the bundle through the pipeline, and nothing passes when
/// anything fails. For centrally generated keys it writes the PFX files into the key store.
/// </summary>
public sealed class ValidateIssuedCertificates : CertStageTask
{
    protected override PipelineStage Stage => PipelineStage.Issued;

    protected override void ExecuteCore()
    {
        var gated = Pipeline.Gate(CancellationToken);
        if (Complete(gated))
        {
            Log.LogMessage(MessageImportance.High, "CertBuildTasks gate: {0} issued certificate(s) accepted for {1} planned certificate(s)",
                gated.Value!.Passed.Count, Pipeline.Plan(CancellationToken).Value!.Plan.Certificates.Length);
        }
    }
}
