using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Input;

/// <summary>What every front end checks on an input's text once it has it, so the build and the IDE say the same.</summary>
public static class InputTextChecks
{
    /// <summary>The text, or null after reporting that it is too large or that there is nothing in it.</summary>
    public static string? Accept(string path, InputKind kind, string text, DiagnosticBag diagnostics)
    {
        if (text.Length > InputLimits.MaxFileBytes)
        {
            diagnostics.Add(InputDiagnostics.FileTooLarge, new SourceLocation(path, 1, 1), kind.DisplayName(), text.Length, InputLimits.MaxFileBytes);
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(InputDiagnostics.FileEmpty, new SourceLocation(path, 1, 1), kind.DisplayName());
            return null;
        }

        return text;
    }
}
