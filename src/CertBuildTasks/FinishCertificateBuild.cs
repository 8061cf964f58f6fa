using CertBuildTasks.IO;
using CertBuildTasks.Pipeline;
using Microsoft.Build.Framework;

namespace CertBuildTasks.MSBuild;

/// <summary>
/// The last task of the chain. After a build that got through, it logs again the stored findings of the
/// stages this build skipped (an incremental build runs no stage whose inputs did not change, and
/// -warnaserror must still see their warnings), rewrites the SARIF log with the levels MSBuild gives
/// them now, and removes the report of an earlier failure. After a failed build it writes that report:
/// what was found and whatever the stages computed, beside the SARIF log — never into a bundle.
/// </summary>
public sealed class FinishCertificateBuild : CertPipelineTask
{
    /// <summary>True when the targets run it because the chain failed (the CertBuild target's OnError).</summary>
    public bool BuildFailed { get; set; }

    /// <summary>
    /// The stages whose stored findings to replay when no task of this build reported them (names as in
    /// the build state: validate, plan, …); empty: every stage. The chain replays the early stages before
    /// generation, so a -warnaserror build stops before it publishes a bundle, and the rest at its end.
    /// </summary>
    public string[] Stages { get; set; } = [];

    /// <summary>CertFailureReportPath: report.html of the last failed build.</summary>
    [Required]
    public string FailureReportPath { get; set; } = string.Empty;

    /// <summary>CertBundleOutputPath: the failure report never goes into it (only a good build writes the bundle).</summary>
    public string? BundleDirectory { get; set; }

    protected override void ExecuteCore()
    {
        if (!string.IsNullOrWhiteSpace(BundleDirectory) && FolderPaths.IsInside(FailureReportPath, BundleDirectory))
        {
            // Refused loudly where the build got through; a failed build already says what stopped it.
            if (BuildFailed)
            {
                Log.LogMessage(MessageImportance.High, "CertBuildTasks: no failure report: CertFailureReportPath is inside the bundle folder");
                return;
            }

            throw new OutputWriteException(FailureReportPath, new IOException("CertFailureReportPath is inside the bundle folder (CertBundleOutputPath), which only a good build writes; point it elsewhere"));
        }

        if (BuildFailed)
        {
            WriteFailureReport();
            return;
        }

        var reported = PipelineSessions.Reported(BuildEngine, Pipeline, State.Directory);
        var wanted = PipelineStages.InOrder.Where(s => Stages.Length == 0 || Stages.Contains(s.Name(), StringComparer.OrdinalIgnoreCase));
        foreach (var stage in wanted.Where(s => !reported.Contains(s)))
        {
            var stored = State.LoadStage(stage);
            PipelineSessions.MarkReported(BuildEngine, Pipeline, State.Directory, stage);
            if (stored.Count > 0)
            {
                Log.LogMessage(MessageImportance.Low, "CertBuildTasks: the {0} stage did not run in this build; its {1} stored findings follow", stage.Name(), stored.Count);
                LogAll(stored);
            }
        }

        WriteSarif();
        if (Stages.Length == 0 && !LoggedWarningsAsErrors)
        {
            AtomicFile.DeleteQuietly(FailureReportPath);
        }
    }

    private void WriteFailureReport()
    {
        Pipeline.WriteFailureReport(FailureReportPath, [.. State.LoadDiagnostics().Select(Effective)]);
        Log.LogMessage(MessageImportance.High, "CertBuildTasks: the build failed; what it found is in {0}", Path.GetFullPath(FailureReportPath));
    }
}
