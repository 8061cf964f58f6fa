namespace CertBuildTasks.Tests.Infrastructure;

/// <summary>
/// A strict reader of certreq INF files as the Windows INF parser reads them: [Section] lines,
/// "key = value" lines, ';' comments outside quotes, values in double quotes with "" for a quote and
/// %% for a percent. Anything else fails the test, so a value that broke out of its quotes shows up
/// as an extra key or a parse error.
/// </summary>
public sealed class InfDocument
{
    private InfDocument(List<(string Section, string Key, string Value)> entries) => Entries = entries;

    public IReadOnlyList<(string Section, string Key, string Value)> Entries { get; }

    public IEnumerable<string> Keys(string section) => Entries.Where(e => e.Section.Equals(section, StringComparison.OrdinalIgnoreCase)).Select(e => e.Key);

    public string Value(string section, string key) => Values(section, key).Single();

    public IReadOnlyList<string> Values(string section, string key) =>
        [.. Entries.Where(e => e.Section.Equals(section, StringComparison.OrdinalIgnoreCase) && e.Key.Equals(key, StringComparison.OrdinalIgnoreCase)).Select(e => e.Value)];

    public static InfDocument Parse(string text)
    {
        var entries = new List<(string, string, string)>();
        string? section = null;
        var number = 0;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                Assert.True(line[^1] == ']', $"line {number}: bad section header {line}");
                section = line[1..^1];
                continue;
            }

            Assert.True(section is not null, $"line {number}: entry before any section");
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            Assert.True(eq > 0, $"line {number}: no '=' in {line}");
            var key = line[..eq].Trim();
            var rest = line[(eq + 1)..].Trim();
            entries.Add((section!, key, ReadValue(rest, number)));
        }

        return new InfDocument(entries);
    }

    private static string ReadValue(string rest, int number)
    {
        if (rest.Length == 0 || rest[0] != '"')
        {
            var comment = rest.IndexOf(';', StringComparison.Ordinal);
            var bare = (comment >= 0 ? rest[..comment] : rest).Trim();
            Assert.DoesNotContain('"', bare);
            return bare;
        }

        var sb = new System.Text.StringBuilder();
        var i = 1;
        while (true)
        {
            Assert.True(i < rest.Length, $"line {number}: unterminated quoted value");
            var c = rest[i];
            if (c == '"')
            {
                if (i + 1 < rest.Length && rest[i + 1] == '"')
                {
                    sb.Append('"');
                    i += 2;
                    continue;
                }

                i++;
                break;
            }

            if (c == '%')
            {
                Assert.True(i + 1 < rest.Length && rest[i + 1] == '%', $"line {number}: a lone % would start a [Strings] substitution");
                sb.Append('%');
                i += 2;
                continue;
            }

            sb.Append(c);
            i++;
        }

        var after = rest[i..].Trim();
        Assert.True(after.Length == 0 || after[0] == ';', $"line {number}: text after the closing quote: {after}");
        return sb.ToString();
    }

    /// <summary>CertStrToName's reading of a subject: RDNs separated by ", " outside quotes; "" is a quote inside quotes.</summary>
    public static IReadOnlyList<(string Key, string Value)> ParseSubject(string subject)
    {
        var result = new List<(string, string)>();
        var i = 0;
        while (i < subject.Length)
        {
            var eq = subject.IndexOf('=', i);
            Assert.True(eq > i, "RDN without '=' in " + subject);
            var key = subject[i..eq].Trim();
            i = eq + 1;
            var sb = new System.Text.StringBuilder();
            if (i < subject.Length && subject[i] == '"')
            {
                i++;
                while (true)
                {
                    Assert.True(i < subject.Length, "unterminated RDN quote in " + subject);
                    if (subject[i] == '"')
                    {
                        if (i + 1 < subject.Length && subject[i + 1] == '"')
                        {
                            sb.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    sb.Append(subject[i++]);
                }
            }
            else
            {
                while (i < subject.Length && subject[i] != ',')
                {
                    sb.Append(subject[i++]);
                }
            }

            result.Add((key, sb.ToString()));
            while (i < subject.Length && (subject[i] == ',' || subject[i] == ' '))
            {
                i++;
            }
        }

        return result;
    }
}
