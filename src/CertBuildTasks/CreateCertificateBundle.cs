using System.Text;
using CertBuildTasks.IO;
using CertBuildTasks.Pipeline;
using Microsoft.Build.Framework;

namespace CertBuildTasks.MSBuild;

/// <summary>
/// The CertBundle target's task: the generated files, plan.json, report.html (every stage's findings,
/// also those of stages this build skipped) and manifest.json, published atomically as the bundle
/// folder and its deterministic zip: a failed or cancelled build leaves the previous bundle intact.
/// </summary>
public sealed class CreateCertificateBundle : CertStageTask
{
    [Required]
    public string BundleDirectory { get; set; } = string.Empty;

    [Required]
    public string ZipFile { get; set; } = string.Empty;

    protected override PipelineStage Stage => PipelineStage.Bundle;

    protected override void ExecuteCore()
    {
        var bundle = Pipeline.PublishBundle(BundleDirectory, ZipFile, State.LoadDiagnostics(except: PipelineStage.Bundle), CancellationToken);
        if (!Complete(bundle, published: bundle.Succeeded))
        {
            return;
        }

        // What `dotnet clean` removes: the published files and the zip.
        var files = bundle.Value!.Files;
        var published = files.Select(f => Path.GetFullPath(Path.Combine(BundleDirectory, f.RelativePath))).Append(Path.GetFullPath(ZipFile));
        AtomicFile.WriteAllBytesIfChanged(State.PathOf(BuildState.PublishedFilesList), Encoding.UTF8.GetBytes(string.Join('\n', published) + "\n"));
        Log.LogMessage(MessageImportance.High, "CertBuildTasks bundle: {0} files in {1} and {2}", files.Count, BundleDirectory, ZipFile);
    }
}
