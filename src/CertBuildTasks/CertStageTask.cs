using System.Collections.Immutable;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Pipeline;
using CertBuildTasks.Policy;
using Microsoft.Build.Framework;

namespace CertBuildTasks.MSBuild;

/// <summary>
/// A task that runs one stage of the pipeline. Every stage task takes the same parameters (the targets
/// pass them all), so the tasks of one build share one <see cref="CertificatePipeline"/>: the inputs are
/// read and validated once and planned once, and a stage run on its own computes what it needs through
/// the same pipeline. The task maps its parameters, logs what its stage found, and hands the result to
/// the <see cref="BuildState"/>.
/// </summary>
public abstract class CertStageTask : CertTask
{
    private CertificatePipeline? _pipeline;
    private int _computedBefore;

    /// <summary>obj/…/certbuild/: the build state (see BuildState).</summary>
    [Required]
    public string IntermediateDirectory { get; set; } = string.Empty;

    [Required]
    public string SarifLogPath { get; set; } = string.Empty;

    /// <summary>CertValidationTime: Unix seconds or ISO 8601; the targets pass the build time when it is not set.</summary>
    public string? ValidationTime { get; set; }

    public ITaskItem[] IssuedCertificates { get; set; } = [];

    public ITaskItem[] TrustedRootCertificates { get; set; } = [];

    public bool RequireAllIssued { get; set; }

    public ITaskItem[] DeployedCertificates { get; set; } = [];

    public bool GenerateCsr { get; set; }

    public string? KeyStorePath { get; set; }

    public string? KeyPasswordVariable { get; set; }

    /// <summary>Folders a key store may not be in: bin/, obj/, the bundle.</summary>
    public string[] OutputDirectories { get; set; } = [];

    /// <summary>CertRulesHelpBaseUri: where the rule pages are published (absolute, ending in '/').</summary>
    public string? RulesHelpBaseUri { get; set; }

    /// <summary>The rule pages on this machine (the package's docs/rules/), when no base URI is given.</summary>
    public string? RulesHelpDirectory { get; set; }

    protected abstract PipelineStage Stage { get; }

    protected BuildState State => new(IntermediateDirectory);

    /// <summary>The pipeline of this build, shared with the other stage tasks given the same parameters.</summary>
    protected CertificatePipeline Pipeline
    {
        get
        {
            if (_pipeline is null)
            {
                _pipeline = PipelineSessions.For(BuildEngine, Inputs());
                _computedBefore = _pipeline.Computed.Count;
            }

            return _pipeline;
        }
    }

    protected override PipelineInputs Inputs() => base.Inputs() with
    {
        ValidationTime = ValidationTime,
        Issued = [.. IssuedCertificates.Select(i => new IssuedStage.Input(i.GetMetadata("FullPath"), Metadata(i, "PlannedId")))],
        Roots = [.. TrustedRootCertificates.Select(r => new IssuedStage.RootInput(r.GetMetadata("FullPath"), Authority(r.GetMetadata("Authority")), Role(r.GetMetadata("Role"))))],
        RequireAllIssued = RequireAllIssued,
        Deployed = [.. DeployedCertificates.Select(i => new DeployedStage.Input(i.GetMetadata("FullPath"), Metadata(i, "Server"), Metadata(i, "Use"), Metadata(i, "PlannedId")))],
        Keys = GenerateCsr ? new KeySettings(KeyStorePath, KeyPasswordVariable, [.. OutputDirectories.Where(d => !string.IsNullOrWhiteSpace(d))]) : null,
    };

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
        foreach (var computed in Pipeline.Computed.Skip(_computedBefore))
        {
            Log.LogMessage(MessageImportance.Low, "CertBuildTasks computed the {0} stage for this build", computed.Name());
        }

        if (result.BlockedBy is not null)
        {
            LogAll(result.BlockingErrors);
            return false;
        }

        LogAll(result.Diagnostics);
        if (!published)
        {
            CancellationToken.ThrowIfCancellationRequested();
        }
        State.Save(Stage, result.Fingerprint, result.Diagnostics);
        WriteSarif();
        return result.Succeeded && !Log.HasLoggedErrors;
    }

    protected override void RecordFailure(Diagnostic diagnostic)
    {
        // Best effort: the failure is logged whatever happens here.
        try
        {
            State.Save(Stage, "failed", [diagnostic]);
            WriteSarif();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or IO.OutputWriteException)
        {
            Log.LogMessage(MessageImportance.Low, "The SARIF log could not be updated: " + ex.Message);
        }
    }

    /// <summary>The SARIF log holds every stage's stored findings: those of this build and those of stages it skipped.</summary>
    /// <remarks>
    /// Paths are relative to the repository's root when the project is in one (code scanning reads them
    /// from there: two projects of one repository both have a topology.json), and the automation id
    /// names the project's folder in the repository, so their runs are told apart.
    /// </remarks>
    private void WriteSarif()
    {
        var repository = SarifLogWriter.RepositoryRoot(ProjectDirectory);
        var where = repository is null ? Path.GetFileNameWithoutExtension(ProjectFile) : Path.GetRelativePath(repository, Path.GetFullPath(ProjectFile)).Replace('\\', '/');
        IO.AtomicFile.WriteAllBytesIfChanged(SarifLogPath, SarifLogWriter.Write(
            State.LoadDiagnostics(), repository ?? ProjectDirectory, ToolVersion, Path.GetFullPath(ProjectFile), HelpBase(), "CertBuildTasks/" + where + "/",
            repository is null ? SarifLogWriter.BaseId : SarifLogWriter.RepositoryBaseId));
    }

    /// <summary>The absolute base of the rule pages: the given URI, else the local folder as a file: URI; null when neither is known.</summary>
    private Uri? HelpBase()
    {
        if (!string.IsNullOrWhiteSpace(RulesHelpBaseUri) && Uri.TryCreate(RulesHelpBaseUri.EndsWith('/') ? RulesHelpBaseUri : RulesHelpBaseUri + "/", UriKind.Absolute, out var given))
        {
            return given;
        }

        return string.IsNullOrWhiteSpace(RulesHelpDirectory) ? null : new Uri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(RulesHelpDirectory)) + Path.DirectorySeparatorChar);
    }

    private static AuthorityKind? Authority(string value) =>
        Enum.TryParse<AuthorityKind>(value, ignoreCase: true, out var kind) ? kind : null;

    private static bool? Role(string value) => value.ToUpperInvariant() switch
    {
        "ROOT" => true,
        "INTERMEDIATE" => false,
        _ => null,
    };
}
