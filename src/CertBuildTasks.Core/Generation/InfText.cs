namespace CertBuildTasks.Generation;

/// <summary>
/// Values of a certreq INF file. Every value is written quoted: certreq's INF parser splits unquoted
/// values at commas, treats ';' as a comment and a trailing '\' as a continuation. Inside quotes an
/// embedded '"' is doubled and '%' (the [Strings] substitution marker) is doubled.
/// Control characters and non-ASCII cannot be expressed (certreq reads the file in the ANSI code
/// page); <see cref="TextSafety"/> rejects them before anything is written.
/// </summary>
public static class InfText
{
    public static string Quote(string value) =>
        "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal).Replace("%", "%%", StringComparison.Ordinal) + "\"";
}
