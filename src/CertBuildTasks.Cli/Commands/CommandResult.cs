using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Cli.Commands;

/// <summary>
/// What a command found and did: every finding in stage order, the files it wrote (by role: plan,
/// bundle, zip, sarif, …), a line saying what it did, and where the findings' rule pages are. The exit
/// code follows from them.
/// </summary>
internal sealed record CommandResult(string Command, IReadOnlyList<Diagnostic> Findings, IReadOnlyList<(string Role, string Path)> Written, string Summary, Uri? HelpBase)
{
    /// <summary>Findings that mean certbuild could not do its job (an output it could not write, an internal failure): exit code 2, not 1.</summary>
    private static readonly HashSet<string> CouldNotRun = new(StringComparer.Ordinal)
    {
        IO.OutputDiagnostics.WriteFailed.Id,
        InternalDiagnostics.UnexpectedFailure.Id,
    };

    public int ExitCode =>
        Findings.Any(d => d.Severity == DiagnosticSeverity.Error && CouldNotRun.Contains(d.Id)) ? ExitCodes.CouldNotRun
        : Findings.Any(d => d.Severity == DiagnosticSeverity.Error) ? ExitCodes.Errors
        : ExitCodes.Clean;
}
