namespace CertBuildTasks.Generation;

/// <summary>
/// PowerShell literals for generated scripts. Only single-quoted strings are used: nothing inside
/// them is expanded ($, backtick, $() are text). PowerShell also ends a single-quoted string at the
/// typographic quotes U+2018, U+2019, U+201A and U+201B, so those are doubled as well.
/// </summary>
public static class PowerShellText
{
    private static readonly char[] Quotes = ['\'', '\u2018', '\u2019', '\u201A', '\u201B'];

    public static string Literal(string value)
    {
        if (value.IndexOfAny(Quotes) < 0)
        {
            return "'" + value + "'";
        }

        var sb = new System.Text.StringBuilder("'", value.Length + 8);
        foreach (var c in value)
        {
            sb.Append(c);
            if (System.Array.IndexOf(Quotes, c) >= 0)
            {
                sb.Append(c);
            }
        }

        return sb.Append('\'').ToString();
    }

    /// <summary>@('a', 'b') — an array even when it has one element.</summary>
    public static string Array(IEnumerable<string> values) => "@(" + string.Join(", ", values.Select(Literal)) + ")";

    public static string Bool(bool value) => value ? "$true" : "$false";
}
