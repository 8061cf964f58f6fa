using System.Globalization;
using System.Text;

namespace CertBuildTasks.Diagnostics;

/// <summary>
/// Input text repeated in a diagnostic message. Messages go to consoles, CI logs, SARIF viewers and the
/// report, so what an input holds must not act there: control characters (a terminal escape sequence,
/// a newline that fakes a second log line) are shown as \uXXXX, and a value of megabytes is cut to its
/// start and its length.
/// </summary>
public static class MessageText
{
    public const int MaxLength = 1000;

    public static string Quote(string value)
    {
        var cut = value.Length > MaxLength;
        var shown = cut ? value[..800] : value;
        StringBuilder? sb = null;
        for (var i = 0; i < shown.Length; i++)
        {
            var c = shown[i];
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
            {
                sb ??= new StringBuilder(shown, 0, i, shown.Length + 16);
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                sb?.Append(c);
            }
        }

        var result = sb?.ToString() ?? shown;
        return cut ? result + FormattableString.Invariant($"… ({value.Length:N0} characters)") : result;
    }
}
