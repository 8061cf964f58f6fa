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

    public static JObject Policy() => JObject.Parse(File.ReadAllText(Path.Combine(RepoPaths.Samples, "Contoso", "certificate-policy.json")));

    public static JArray Pools(JObject topology) => (JArray)topology["sites"]![0]!["pools"]!;

    public static JObject Pool(JObject topology, string role) =>
        Pools(topology).OfType<JObject>().First(p => (string?)p["role"] == role);

    public static string ToText(JToken token) => token.ToString(Formatting.Indented);

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
