using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Infrastructure;

/// <summary>
/// The Contoso sample's topology and policy as mutable JSON, so each test starts from a valid
/// deployment and changes exactly what it is about.
/// </summary>
public static class SampleInputs
{
    public static JObject Topology() => JObject.Parse(File.ReadAllText(Path.Combine(RepoPaths.Samples, "Contoso", "topology.json")));

    /// <summary>The sample with one configurable warning of validation: CBT1116, a Mediation pool with an external web FQDN.</summary>
    public static JObject TopologyWithWarning()
    {
        var topology = Topology();
        Pool(topology, "Mediation")["externalWebFqdn"] = "medext.contoso.com";
        return topology;
    }

    public static JObject Policy() => JObject.Parse(File.ReadAllText(Path.Combine(RepoPaths.Samples, "Contoso", "certificate-policy.json")));

    public static JArray Pools(JObject topology) => (JArray)topology["sites"]![0]!["pools"]!;

    public static JObject Pool(JObject topology, string role) =>
        Pools(topology).OfType<JObject>().First(p => (string?)p["role"] == role);

    /// <summary>
    /// Indented JSON. A string with an unpaired surrogate (as a JSON file may hold: "\udc00") cannot be
    /// written as UTF-8, so then every non-ASCII character is written as a \u escape instead.
    /// </summary>
    public static string ToText(JToken token)
    {
        var text = token.ToString(Formatting.Indented);
        if (!HasUnpairedSurrogate(text))
        {
            return text;
        }

        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using (var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented, StringEscapeHandling = StringEscapeHandling.EscapeNonAscii })
        {
            token.WriteTo(json);
        }

        return writer.ToString();
    }

    private static bool HasUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>1-based lines of every line containing <paramref name="needle"/>.</summary>
    public static IReadOnlyList<int> LinesOf(string text, string needle) =>
        [.. text.Split('\n').Select((line, i) => (line, i)).Where(x => x.line.Contains(needle, StringComparison.Ordinal)).Select(x => x.i + 1)];

    /// <summary>1-based line of the first line containing <paramref name="needle"/>.</summary>
    public static int LineOf(string text, string needle)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(needle, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException($"'{needle}' not found");
    }
}
