namespace CertBuildTasks.Generation;

/// <summary>Which text can be written into generated files at all.</summary>
public static class TextSafety
{
    /// <summary>Control characters (newlines, tabs, NUL, …) would end an INF line or a script statement.</summary>
    public static bool HasControlCharacter(string value) => value.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085');

    /// <summary>certreq reads INF files in the ANSI code page: only ASCII survives on every server.</summary>
    public static bool IsAscii(string value) => value.All(char.IsAscii);
}
