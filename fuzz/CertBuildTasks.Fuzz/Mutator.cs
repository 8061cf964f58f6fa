using System.Text;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Fuzz;

/// <summary>
/// Byte- and token-level mutations of an input, seeded so a finding can be replayed: flips, inserts,
/// deletions, truncation, duplicated or spliced chunks, tokens that break parsers and escaping
/// (Unicode format characters and the dates at the ends of the calendar among them), and, for JSON,
/// arrays grown to the counts around the documented limits.
/// </summary>
public sealed class Mutator(int seed)
{
    private static readonly string[] Tokens =
    [
        "\0", "\"", "'", "\\", "\\u0000", "\\ud800", "{", "}", "[", "]", ",", ":", "null", "true", "1e999", "-0", "NaN",
        "<", ">", "&", "&amp;", "<!DOCTYPE x [<!ENTITY e \"x\">]>", "&e;", "<![CDATA[", "]]>", "<?xml version=\"1.0\"?>",
        "..", "../", "/", "\\\\", ":", "CON", "nul.", "*", "%", "%%", "$(", "`", ";", "\r\n", "\u2028", "\u202e", "\ufeff",
        "\u0441", "xn--", "-----BEGIN CERTIFICATE-----", "-----END CERTIFICATE-----", "-----BEGIN PRIVATE KEY-----",
        new string('a', 300), new string('[', 200), "https://u:p@", "=cmd|' /C calc'!A0",
        // Unicode format characters: invisible, or changing how text reads (bidi, joiners, tags).
        "\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\u061c", "\u180e", "\u202a", "\u202b", "\u202c", "\u202d",
        "\u2066", "\u2067", "\u2068", "\u2069", "\ufff9", "\U000e0001", "\U000e0041",
        // Dates at the ends of what .NET holds, as Windows PowerShell and ISO 8601 write them.
        "\\/Date(-62135596800000)\\/", "\\/Date(253402300799999)\\/", "\\/Date(253402300800000)\\/", "\\/Date(-9223372036854775808)\\/",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59.9999999+14:00", "0001-01-01T00:00:00-14:00",
        "253402300799", "-62135596800", "9223372036854775807", "2147483648", "16385", "65536",
    ];

    /// <summary>Counts around the limits: pool sizes (12, 16, 8, 100), SIP domains (1,000), names (1,000), the finding cap (100).</summary>
    private static readonly int[] Counts = [8, 9, 12, 13, 16, 17, 99, 100, 101, 999, 1000, 1001];

    private readonly Random _random = new(seed);

    public byte[] Mutate(byte[] input, byte[] other)
    {
        if (_random.Next(8) == 0 && GrowArray(input) is { } grown)
        {
            return grown;
        }

        var data = new List<byte>(input);
        var steps = 1 + _random.Next(4);
        for (var s = 0; s < steps; s++)
        {
            var at = data.Count == 0 ? 0 : _random.Next(data.Count);
            switch (_random.Next(8))
            {
                case 0 when data.Count > 0:
                    data[at] ^= (byte)(1 << _random.Next(8));
                    break;
                case 1:
                    data.Insert(at, (byte)_random.Next(256));
                    break;
                case 2 when data.Count > 0:
                    data.RemoveRange(at, Math.Min(data.Count - at, 1 + _random.Next(16)));
                    break;
                case 3 when data.Count > 0:
                    data.RemoveRange(at, data.Count - at); // truncate
                    break;
                case 4 when data.Count > 0:
                    var length = Math.Min(data.Count - at, 1 + _random.Next(64));
                    data.InsertRange(_random.Next(data.Count), data.GetRange(at, length));
                    break;
                case 5 when other.Length > 0:
                    var from = _random.Next(other.Length);
                    data.InsertRange(at, other.AsSpan(from, Math.Min(other.Length - from, 1 + _random.Next(128))).ToArray());
                    break;
                default:
                    data.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[_random.Next(Tokens.Length)]));
                    break;
            }
        }

        return [.. data];
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A JSON input with one of its arrays grown to a count near a limit, its items made distinct; null for other input.</summary>
    private byte[]? GrowArray(byte[] input)
    {
        JToken document;
        try
        {
            using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(Encoding.UTF8.GetString(input))) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None, MaxDepth = 64 };
            document = JToken.ReadFrom(reader);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }

        var arrays = document is JContainer container ? container.DescendantsAndSelf().OfType<JArray>().Where(a => a.Count > 0).ToList() : [];
        if (arrays.Count == 0)
        {
            return null;
        }

        var array = Pick(arrays);
        var count = Pick(Counts);
        var model = array[0];
        array.Clear();
        for (var i = 0; i < count; i++)
        {
            // A string such as "fe01.contoso.com" becomes "n7-fe01.contoso.com": distinct, still a name.
            array.Add(model is JValue { Type: JTokenType.String } text ? new JValue($"n{i}-{text}") : model.DeepClone());
        }

        return Encoding.UTF8.GetBytes(document.ToString());
    }
}
