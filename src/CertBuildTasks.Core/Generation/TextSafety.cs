namespace CertBuildTasks.Generation;

/// <summary>Which text can be written into generated files at all.</summary>
public static class TextSafety
{
    /// <summary>Control characters (newlines, tabs, NUL, …) would end an INF line or a script statement.</summary>
    public static bool HasControlCharacter(string value) => value.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085');

    /// <summary>
    /// The first bidirectional control (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069) or null:
    /// it reorders how text is shown (the "Trojan Source" problem), so a script would read differently
    /// from what it runs.
    /// </summary>
    public static char? BidiControl(string value)
    {
        foreach (var c in value)
        {
            if (c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>certreq reads INF files in the ANSI code page: only ASCII survives on every server.</summary>
    public static bool IsAscii(string value) => value.All(char.IsAscii);
}
