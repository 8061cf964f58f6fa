using CertBuildTasks.Diagnostics;
using CertBuildTasks.Pipeline;
using Microsoft.Build.Framework;

namespace CertBuildTasks.MSBuild;

/// <summary>
/// A task that runs one stage of the pipeline: it logs what its stage found, hands the result to the
/// <see cref="BuildState"/>, and notes that the stage was reported in this build (the findings of
/// stages a build skips are replayed at its end).
/// </summary>
public abstract class CertStageTask : CertPipelineTask
{
    protected abstract PipelineStage Stage { get; }

    /// <summary>
    /// Logs what the stage found and stores it as the stage's result (the SARIF log is rewritten from
    /// every stage's stored results). A stage that could not run logs the errors that stopped it and
    /// stores nothing: those errors belong to the stage that found them.
    /// </summary>
    /// <returns>true when the stage ran without errors.</returns>
    /// <param name="published">
    /// True when the stage has already written its outputs (the bundle was swapped in): a cancellation
    /// that arrives now no longer stops it, so the stored state and the SARIF log match what is on disk.
    /// </param>
    protected bool Complete<T>(StageResult<T> result, bool published = false)
        where T : class
    {
        foreach (var computed in Pipeline.Computed.Skip(ComputedBefore))
        {
            Log.LogMessage(MessageImportance.Low, "CertBuildTasks computed the {0} stage for this build", computed.Name());
        }

        if (result.BlockedBy is not null)
        {
            LogAll(result.BlockingErrors);
            return false;
        }

        LogAll(result.Diagnostics);
        PipelineSessions.MarkReported(BuildEngine, Pipeline, State.Directory, Stage);
        if (!published)
        {
            CancellationToken.ThrowIfCancellationRequested();
        }
        State.Save(Stage, result.Fingerprint, result.Diagnostics);
        WriteSarif();
        return result.Succeeded && !Log.HasLoggedErrors && !LoggedWarningsAsErrors;
    }

    protected override void RecordFailure(Diagnostic diagnostic)
    {
        // Best effort: the failure is logged whatever happens here.
        try
        {
            PipelineSessions.MarkReported(BuildEngine, Pipeline, State.Directory, Stage);
            State.Save(Stage, "failed", [diagnostic]);
            WriteSarif();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or InvalidOperationException or IO.OutputWriteException)
        {
            Log.LogMessage(MessageImportance.Low, "The SARIF log could not be updated: " + ex.Message);
        }
    }
}
