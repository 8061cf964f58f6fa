using CertBuildTasks.Pipeline;

namespace CertBuildTasks.MSBuild;

/// <summary>
/// The CertCheckDeployed target's task: judges the certificates in service (DeployedCertificate items)
/// against the plan and the clock — expiry, drift, usage assignment, the global OAuth certificate and
/// the shared Edge A/V certificate. Generation takes the set for the renewal scripts.
/// </summary>
public sealed class CheckDeployedCertificates : CertStageTask
{
    protected override PipelineStage Stage => PipelineStage.Deployed;

    protected override void ExecuteCore() => Complete(Pipeline.CheckDeployed(CancellationToken));
}
