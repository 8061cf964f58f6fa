using System.Text;
using System.Text.RegularExpressions;

namespace CertBuildTasks.Diagnostics;

/// <summary>EditorConfig globs: *, **, ?, [seq], {a,b} and {n..m} are not needed for severities; {a,b} is.</summary>
internal static class GlobPattern
{
    /// <summary>A malformed glob (a typo such as "[*.{json,yml]") matches nothing, as Roslyn ignores such sections.</summary>
    public static bool IsMatch(string glob, string relativePath)
    {
        try
        {
            return Regex.IsMatch(relativePath, ToRegex(glob), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static string ToRegex(string glob)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    i++;
                    if (i + 1 < glob.Length && glob[i + 1] == '/')
                    {
                        i++;
                        sb.Append("(?:.*/)?"); // "**/" also matches no folder at all
                    }
                    else
                    {
                        sb.Append(".*");
                    }

                    break;
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '{':
                    sb.Append("(?:");
                    break;
                case '}':
                    sb.Append(')');
                    break;
                case ',':
                    sb.Append('|');
                    break;
                case '[':
                    var close = glob.IndexOf(']', i + 1);
                    if (close > i)
                    {
                        sb.Append('[').Append(glob[(i + 1)..close].Replace("\\", "\\\\", StringComparison.Ordinal)).Append(']');
                        i = close;
                    }
                    else
                    {
                        sb.Append("\\[");
                    }

                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return sb.Append('$').ToString();
    }
}
