using CertBuildTasks.Pipeline;
using Microsoft.Build.Framework;

namespace CertBuildTasks.MSBuild;

/// <summary>
/// The CertGenerate target's task: certreq INF files, request and assignment scripts, runbooks and —
/// with CertGenerateCsr — CSRs (with their keys made and stored in the key store). The files stay in
/// the pipeline: CertBundle publishes them with the rest of the bundle, only when every check passed.
/// </summary>
public sealed class GenerateCertificateArtifacts : CertStageTask
{
    protected override PipelineStage Stage => PipelineStage.Generate;

    protected override void ExecuteCore()
    {
        var generated = Pipeline.Generate(CancellationToken);
        if (Complete(generated))
        {
            Log.LogMessage(MessageImportance.Normal, "CertBuildTasks generated {0} files", generated.Value!.Files.Count);
        }
    }
}
