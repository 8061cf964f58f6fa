using CertBuildTasks.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CertBuildTasks.MSBuild;

/// <summary>
/// Turns resolved diagnostics into MSBuild events in canonical form (file(line,col): error CBT1003: …).
/// The help link is absolute (see <see cref="RuleHelpLocation"/>), so it opens from the error list.
/// Severity was already decided by <see cref="SeverityResolver"/>; MSBuild is not asked to re-map it.
/// </summary>
internal static class MSBuildDiagnosticLogger
{
    public static void Log(TaskLoggingHelper log, Diagnostic diagnostic, string fallbackFile, Uri? helpBase)
    {
        var file = diagnostic.Location.IsNone ? fallbackFile : diagnostic.Location.FilePath;
        var line = diagnostic.Location.Line;
        var column = diagnostic.Location.Column;
        var code = diagnostic.Id;
        var help = diagnostic.Descriptor.HelpUri(helpBase);
        switch (diagnostic.Severity)
        {
            case DiagnosticSeverity.Error:
                log.LogError(null, code, null, help, file, line, column, 0, 0, diagnostic.Message);
                break;
            case DiagnosticSeverity.Warning:
                log.LogWarning(null, code, null, help, file, line, column, 0, 0, diagnostic.Message);
                break;
            case DiagnosticSeverity.Info:
                log.LogMessage(null, code, null, file, line, column, 0, 0, MessageImportance.Normal, diagnostic.Message);
                break;
        }
    }
}
