using System.Globalization;
using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Cli.Output;

/// <summary>
/// A finding as MSBuild and the compilers print it, so editors, CI problem matchers and people read it
/// the same way: "file(line,col): error CBT1234: message", "file : warning …" without a position, and
/// "certbuild : error …" when it has no file.
/// </summary>
internal static class FindingLine
{
    public static string Format(Diagnostic diagnostic, string currentDirectory)
    {
        var category = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        var location = diagnostic.Location;
        var where = location.IsNone ? "certbuild :" : Display(location.FilePath, currentDirectory) + Position(location);
        return $"{where} {category} {diagnostic.Id}: {diagnostic.Message}";
    }

    /// <summary>
    /// The path relative to the current folder when it is below it (as typed), else absolute. A control
    /// character in a file name (a newline, an escape) is written as \uXXXX: a file in an --issued
    /// folder must not forge a line of its own or drive the terminal.
    /// </summary>
    public static string Display(string path, string currentDirectory)
    {
        var relative = Path.GetRelativePath(currentDirectory, path);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
        return shown.Any(char.IsControl)
            ? string.Concat(shown.Select(c => char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}") : c.ToString()))
            : shown;
    }

    private static string Position(SourceLocation location) =>
        location.Line <= 0 ? " :"
        : location.Column <= 0 ? string.Create(CultureInfo.InvariantCulture, $"({location.Line}):")
        : string.Create(CultureInfo.InvariantCulture, $"({location.Line},{location.Column}):");
}
