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
            // Non-backtracking: time linear in the path, whatever the glob ("[*a*a*…*b]" took 100 s with
            // backtracking, and a timeout would have made the section silently not match).
            return Regex.IsMatch(relativePath, ToRegex(glob), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (ArgumentException)
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
                        // "[!name]" is any character not in name (EditorConfig); in a regex that is "[^name]".
                        var set = glob[(i + 1)..close].Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal);
                        sb.Append('[').Append(set.StartsWith('!') ? "^" + set[1..] : set).Append(']');
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
