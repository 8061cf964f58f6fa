using CertBuildTasks.Diagnostics;
using CertBuildTasks.IO;
using CertBuildTasks.Rules;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CertBuildTasks.MSBuild;

/// <summary>
/// What every CertBuildTasks task shares: severity configuration from the project, cancellation, and
/// the promise that nothing escapes as an unhandled exception (MSB4018) — a failure becomes CBT9000.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "MSBuild never disposes tasks, and Cancel() may come from any thread at any time; the source holds no unmanaged resource until a token registration, which we never make.")]
public abstract class CertTask : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new();
    private SeverityResolver? _resolver;

    [Required]
    public string ProjectFile { get; set; } = string.Empty;

    public string? NoWarn { get; set; }

    public string? WarningsAsErrors { get; set; }

    public string? WarningsNotAsErrors { get; set; }

    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>obj/…/certbuild/: where each stage keeps its diagnostics for the combined SARIF log.</summary>
    [Required]
    public string IntermediateDirectory { get; set; } = string.Empty;

    [Required]
    public string SarifLogPath { get; set; } = string.Empty;

    protected CancellationToken CancellationToken => _cancellation.Token;

    /// <summary>The stage name under which this task's diagnostics are kept (see DiagnosticsStore).</summary>
    protected abstract string Stage { get; }

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
            MSBuildDiagnosticLogger.Log(Log, diagnostic, ProjectFile);
            TryRecordFailure(diagnostic);
        }
        catch (Exception ex)
        {
            var diagnostic = Diagnostic.Create(InternalDiagnostics.UnexpectedFailure, SourceLocation.File(ProjectFile), GetType().Name, ex.GetType().Name + ": " + ex.Message);
            MSBuildDiagnosticLogger.Log(Log, diagnostic, ProjectFile);
            Log.LogMessage(MessageImportance.Low, ex.ToString());
            TryRecordFailure(diagnostic);
        }

        return !Log.HasLoggedErrors;
    }

    protected abstract void ExecuteCore();

    private string RelativeToProject(string path)
    {
        var relative = Path.GetRelativePath(ProjectDirectory, Path.GetFullPath(path));
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative.Replace('\\', '/');
    }

    /// <summary>The project's severity configuration (NoWarn, WarningsAsErrors, .editorconfig, …), read once.</summary>
    protected SeverityResolver Resolver => _resolver ??= new SeverityResolver(
        new SeverityOptions(
            SeverityOptions.ParseCodeList(NoWarn),
            SeverityOptions.ParseCodeList(WarningsAsErrors),
            SeverityOptions.ParseCodeList(WarningsNotAsErrors),
            TreatWarningsAsErrors),
        AnalyzerConfigSet.Load(ProjectDirectory),
        Path.GetFullPath(ProjectFile));

    /// <summary>Best effort: a gate that failed must not leave a clean-looking SARIF log behind.</summary>
    private void TryRecordFailure(Diagnostic diagnostic)
    {
        try
        {
            Store([diagnostic]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Log.LogMessage(MessageImportance.Low, "The SARIF log could not be updated: " + ex.Message);
        }
    }

    /// <summary>
    /// False for on-demand tasks outside the build pipeline (CertConvertTopology): their diagnostics are
    /// logged but kept out of the stage store and the SARIF log, which describe the build.
    /// </summary>
    protected virtual bool RecordsResults => true;

    /// <summary>True for the stage that reports unreadable .editorconfig/.globalconfig files (once per build).</summary>
    protected virtual bool ReportsConfigurationProblems => false;

    private void Store(IReadOnlyList<Diagnostic> reported)
    {
        if (!RecordsResults)
        {
            return;
        }

        DiagnosticsStore.Save(IntermediateDirectory, Stage, reported);
        var all = DiagnosticsStore.LoadAll(IntermediateDirectory);
        AtomicFile.WriteAllBytes(SarifLogPath, SarifLogWriter.Write(all, ProjectDirectory, ToolVersion, Path.GetFullPath(ProjectFile)));
    }

    /// <summary>
    /// Applies the project's severity configuration, logs what remains, stores it as this stage's
    /// results and rewrites the SARIF log from every stage's results. Returns what was reported.
    /// </summary>
    protected IReadOnlyList<Diagnostic> Report(IEnumerable<Diagnostic> diagnostics)
    {
        if (ReportsConfigurationProblems)
        {
            // A configuration file that is a pipe, a device or too large is skipped; the first stage says so.
            diagnostics = diagnostics.Concat(Resolver.Configs.Unreadable.Select(u =>
                Diagnostic.Create(Input.InputDiagnostics.FileUnreadable, SourceLocation.File(u.Path), "severity configuration", u.Problem)));
        }

        var resolved = Resolver.ResolveAll(diagnostics);
        foreach (var diagnostic in resolved)
        {
            MSBuildDiagnosticLogger.Log(Log, diagnostic, ProjectFile);
        }

        CancellationToken.ThrowIfCancellationRequested();
        Store(resolved);
        return resolved;
    }

    protected static string ToolVersion =>
        typeof(CertTask).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
