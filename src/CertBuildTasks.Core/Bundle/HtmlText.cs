using System.Globalization;
using System.Text;

namespace CertBuildTasks.Bundle;

/// <summary>
/// Every input-derived string in the report goes through here, for element text and for quoted
/// attribute values alike. What a browser reads back is exactly the string, except for what HTML
/// cannot carry at all — NUL, an unpaired surrogate, a Unicode noncharacter (parsers replace or drop
/// them) — which is shown as the text \u0000, \uD800, \uFFFF instead of being silently changed.
/// </summary>
public static class HtmlText
{
    public static string Encode(string? value)
    {
        value ??= string.Empty;
        var sb = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '\t' or '\n': sb.Append(c); break;
                case '\0':
                    sb.Append("\\u0000");
                    break;

                // A raw CR is read as a line feed (and CR LF as one): written as a reference it stays.
                // Other C0 controls are kept by parsers when written as references.
                case < ' ' or '\u007F':
                    sb.Append(CultureInfo.InvariantCulture, $"&#{(int)c};");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        var pair = char.ConvertToUtf32(c, value[i + 1]);
                        if (IsNoncharacter(pair))
                        {
                            sb.Append(CultureInfo.InvariantCulture, $"\\U{pair:X8}");
                        }
                        else
                        {
                            sb.Append(c).Append(value[i + 1]);
                        }

                        i++;
                    }
                    else if (char.IsSurrogate(c) || IsNoncharacter(c))
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>U+FDD0–U+FDEF and the last two code points of every plane (Unicode §23.7).</summary>
    public static bool IsNoncharacter(int codePoint) => codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    /// <summary>An id usable in an HTML id/href: letters, digits, '-', '.', '_' only.</summary>
    public static string Anchor(string value) => "c-" + new string([.. value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '-')]);
}
