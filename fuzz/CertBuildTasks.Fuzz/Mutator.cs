using System.Text;

namespace CertBuildTasks.Fuzz;

/// <summary>
/// Byte- and token-level mutations of an input, seeded so a finding can be replayed: flips, inserts,
/// deletions, truncation, duplicated or spliced chunks, and tokens that break parsers and escaping.
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
    ];

    private readonly Random _random = new(seed);

    public byte[] Mutate(byte[] input, byte[] other)
    {
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
}
