using System.Text.RegularExpressions;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Catalog;

/// <summary>
/// The layers of the domain (CertBuildTasks.Domain) and of CertBuildTasks.Core, read from the code as a
/// new maintainer reads it (the namespaces a folder's files name): they form no cycle. That the domain
/// names nothing of Core's is also enforced by the compiler: it is a library Core references.
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly string[] Projects = [Path.Combine(RepoPaths.Root, "src", "CertBuildTasks.Domain"), Path.Combine(RepoPaths.Root, "src", "CertBuildTasks.Core")];

    /// <summary>Top-level folder (namespace) → the other top-level namespaces its files name.</summary>
    private static Dictionary<string, HashSet<string>> Dependencies()
    {
        var folders = Projects.SelectMany(Directory.GetDirectories).Where(d => Path.GetFileName(d) is not ("bin" or "obj" or "Compatibility")).ToList();
        var layers = folders.Select(d => Path.GetFileName(d)!).ToHashSet(StringComparer.Ordinal);
        var graph = layers.ToDictionary(l => l, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var layer = Path.GetFileName(folder);
            foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            {
                foreach (Match m in Named().Matches(File.ReadAllText(file)))
                {
                    var named = m.Groups["layer"].Value;
                    if (named != layer && layers.Contains(named))
                    {
                        graph[layer].Add(named);
                    }
                }
            }
        }

        return graph;
    }

    [Fact]
    public void The_layers_of_core_form_no_cycle()
    {
        var graph = Dependencies();
        var cycles = new List<string>();
        foreach (var (layer, uses) in graph)
        {
            foreach (var other in uses)
            {
                if (Reaches(graph, other, layer, []))
                {
                    cycles.Add(layer + " → " + other + " → … → " + layer);
                }
            }
        }

        Assert.Empty(cycles);
    }

    [Theory]
    [InlineData("Diagnostics", new[] { "Rules", "Planning", "IO", "Pipeline" })]
    [InlineData("Planning", new[] { "Rules", "Issued", "Generation", "Bundle", "Pipeline", "IO" })]
    [InlineData("IO", new[] { "Generation", "Bundle", "Pipeline" })]
    [InlineData("Bundle", new[] { "Rules", "Pipeline" })]
    [InlineData("Input", new[] { "Topology", "Policy", "Rules" })]
    public void A_lower_layer_names_no_layer_above_it(string layer, string[] above)
    {
        Assert.Empty(Dependencies()[layer].Intersect(above));
    }

    private static bool Reaches(Dictionary<string, HashSet<string>> graph, string from, string to, HashSet<string> seen)
    {
        if (from == to)
        {
            return true;
        }

        return seen.Add(from) && graph[from].Any(next => Reaches(graph, next, to, seen));
    }

    [GeneratedRegex(@"\bCertBuildTasks\.(?<layer>[A-Z][A-Za-z]*)\b")]
    private static partial Regex Named();
}
