using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Input;

/// <summary>
/// Gives an input's text, or null after reporting why there is none. The readers take text through
/// this, never a path to open: the build reads files from disk (bounded, strictly decoded), the
/// analyzer hands over what the IDE has in its buffers, a test hands over a string.
/// </summary>
public delegate string? InputTextSource(string path, InputKind kind, DiagnosticBag diagnostics);

public static class InputTextSources
{
    /// <summary>Texts held in memory, by path; a path not held is reported as not found, as a file would be.</summary>
    public static InputTextSource Of(IReadOnlyDictionary<string, string> texts) => (path, kind, diagnostics) =>
    {
        if (texts.TryGetValue(path, out var text))
        {
            return text;
        }

        diagnostics.Add(InputDiagnostics.FileNotFound, SourceLocation.File(path), kind.DisplayName(), path);
        return null;
    };
}
