using System.Text;

namespace CertBuildTasks.Generation;

/// <summary>Text from inputs in Markdown runbooks: markup characters are backslash-escaped, so a value stays text.</summary>
public static class MarkdownText
{
    private const string Special = "\\`*_{}[]()<>#+-.!|~&";

    public static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (Special.Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }

            sb.Append(char.IsControl(c) ? ' ' : c);
        }

        return sb.ToString();
    }

    /// <summary>A value in inline code: backticks cannot be escaped there, so such values are escaped as text instead.</summary>
    public static string Code(string value) => value.Contains('`', StringComparison.Ordinal) || value.Any(char.IsControl) ? Escape(value) : "`" + value + "`";
}
