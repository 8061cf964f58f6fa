using System.Collections.Immutable;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Pipeline;
using Microsoft.Build.Framework;

namespace CertBuildTasks.MSBuild;

/// <summary>
/// What every CertBuildTasks task shares: the inputs and the project's severity configuration as
/// MSBuild hands them over, cancellation, and the promise that nothing escapes as an unhandled
/// exception (MSB4018) — a failure becomes CBT9000.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "MSBuild never disposes tasks, and Cancel() may come from any thread at any time; the source holds no unmanaged resource until a token registration, which we never make.")]
public abstract class CertTask : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new();

    [Required]
    public string ProjectFile { get; set; } = string.Empty;

    public ITaskItem[] TopologyFiles { get; set; } = [];

    public ITaskItem[] PolicyFiles { get; set; } = [];

    /// <summary>The optional CertTopologyOverrides item: facts the topology XML does not carry.</summary>
    public ITaskItem[] TopologyOverridesFiles { get; set; } = [];

    public string? NoWarn { get; set; }

    public string? WarningsAsErrors { get; set; }

    public string? WarningsNotAsErrors { get; set; }

    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>The .editorconfig and .globalconfig files the targets found for this project; the tasks look for none themselves.</summary>
    public ITaskItem[] SeverityConfigFiles { get; set; } = [];

    /// <summary>CertRulesHelpBaseUri: where the rule pages are published (absolute, ending in '/').</summary>
    public string? RulesHelpBaseUri { get; set; }

    /// <summary>The rule pages on this machine (the package's docs/rules/), when no base URI is given.</summary>
    public string? RulesHelpDirectory { get; set; }

    protected CancellationToken CancellationToken => _cancellation.Token;

    protected string ProjectDirectory => Path.GetDirectoryName(Path.GetFullPath(ProjectFile)) ?? string.Empty;

    public void Cancel() => _cancellation.Cancel();

    public sealed override bool Execute()
    {
        try
        {
            ExecuteCore();
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            Log.LogMessage(MessageImportance.High, "{0} was cancelled; no output was written.", GetType().Name);
            return false;
        }
        catch (IO.OutputWriteException ex)
        {
            var diagnostic = Diagnostic.Create(IO.OutputDiagnostics.WriteFailed, SourceLocation.File(ProjectFile), GetType().Name, RelativeToProject(ex.Path), ex.Message.TrimEnd('.'));
            MSBuildDiagnosticLogger.Log(Log, diagnostic, ProjectFile, HelpBase());
            RecordFailure(diagnostic);
        }
        catch (Exception ex)
        {
            var diagnostic = Diagnostic.Create(InternalDiagnostics.UnexpectedFailure, SourceLocation.File(ProjectFile), GetType().Name, ex.GetType().Name + ": " + ex.Message);
            MSBuildDiagnosticLogger.Log(Log, diagnostic, ProjectFile, HelpBase());
            Log.LogMessage(MessageImportance.Low, ex.ToString());
            RecordFailure(diagnostic);
        }

        return !Log.HasLoggedErrors && !LoggedWarningsAsErrors;
    }

    protected abstract void ExecuteCore();

    /// <summary>A stage task keeps a failure as its stage's result, so a failed gate never leaves a clean-looking SARIF log.</summary>
    protected virtual void RecordFailure(Diagnostic diagnostic)
    {
    }

    /// <summary>The pipeline's view of this task's parameters; stage tasks add theirs.</summary>
    protected virtual PipelineInputs Inputs() => new()
    {
        ProjectFile = Path.GetFullPath(ProjectFile),
        ToolVersion = ToolVersion,
        TopologyFiles = FullPaths(TopologyFiles),
        PolicyFiles = FullPaths(PolicyFiles),
        OverridesFiles = FullPaths(TopologyOverridesFiles),
        Severity = new SeverityOptions(
            SeverityOptions.ParseCodeList(NoWarn),
            SeverityOptions.ParseCodeList(WarningsAsErrors),
            SeverityOptions.ParseCodeList(WarningsNotAsErrors),
            TreatWarningsAsErrors),
        SeverityConfigFiles = FullPaths(SeverityConfigFiles),
    };

    /// <summary>Applies the project's severity configuration and logs what remains (for a task outside the pipeline).</summary>
    protected IReadOnlyList<Diagnostic> Report(IEnumerable<Diagnostic> diagnostics)
    {
        var inputs = Inputs();
        var resolved = inputs.CreateResolver(inputs.LoadSeverityConfiguration()).ResolveAll(diagnostics);
        LogAll(resolved);
        return resolved;
    }

    /// <summary>True once this task logged a warning that MSBuild turns into an error (-warnaserror, MSBuildWarningsAsErrors).</summary>
    protected bool LoggedWarningsAsErrors { get; private set; }

    /// <summary>Logs diagnostics whose severity the pipeline already resolved.</summary>
    protected void LogAll(IEnumerable<Diagnostic> diagnostics)
    {
        var help = HelpBase();
        foreach (var diagnostic in diagnostics)
        {
            MSBuildDiagnosticLogger.Log(Log, diagnostic, ProjectFile, help);
            LoggedWarningsAsErrors |= diagnostic.Severity == DiagnosticSeverity.Warning && Effective(diagnostic).Severity == DiagnosticSeverity.Error;
        }
    }

    /// <summary>
    /// The severity MSBuild gives a finding when it is logged: a warning that -warnaserror (or
    /// MSBuildWarningsAsErrors) turns into an error is an error in the SARIF log too, and fails the
    /// task that logged it, as an error would.
    /// </summary>
    protected Diagnostic Effective(Diagnostic diagnostic) =>
        diagnostic.Severity == DiagnosticSeverity.Warning && BuildEngine is IBuildEngine8 engine && engine.ShouldTreatWarningAsError(diagnostic.Id)
            ? diagnostic with { Severity = DiagnosticSeverity.Error }
            : diagnostic;

    /// <summary>The absolute base of the rule pages (see <see cref="RuleHelpLocation"/>); none when the folder given is no path.</summary>
    protected Uri? HelpBase()
    {
        try
        {
            return RuleHelpLocation.Resolve(RulesHelpBaseUri, RulesHelpDirectory);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException or UriFormatException)
        {
            return null;
        }
    }

    protected static ImmutableArray<string> FullPaths(IEnumerable<ITaskItem> items) => [.. items.Select(i => i.GetMetadata("FullPath"))];

    /// <summary>Item metadata, or null when it is empty (MSBuild gives "" for metadata that is not set).</summary>
    protected static string? Metadata(ITaskItem item, string name) =>
        item.GetMetadata(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    private string RelativeToProject(string path)
    {
        var relative = Path.GetRelativePath(ProjectDirectory, Path.GetFullPath(path));
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative.Replace('\\', '/');
    }

    protected static string ToolVersion => CertBuildTasks.Pipeline.ToolVersion.Current;
}
