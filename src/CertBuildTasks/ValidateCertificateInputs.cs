using CertBuildTasks.Pipeline;

namespace CertBuildTasks.MSBuild;

/// <summary>The CertValidate target's task: validates the CertTopology, CertTopologyOverrides and CertPolicy items.</summary>
public sealed class ValidateCertificateInputs : CertStageTask
{
    protected override PipelineStage Stage => PipelineStage.Validate;

    protected override void ExecuteCore() => Complete(Pipeline.Validate(CancellationToken));
}
