using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Hardening;

/// <summary>The Contoso sample as a project folder for the hardening tests, with what a case changes.</summary>
internal static class HardeningProject
{
    /// <param name="globalConfig">Lines of a .globalconfig beside the project (severity settings), or null for none.</param>
    /// <param name="items">More items (IssuedCertificate, DeployedCertificate, …), as XML.</param>
    public static string Write(string folder, JObject? topology = null, JObject? policy = null, string? globalConfig = null, string items = "", string properties = "")
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "topology.json"), SampleInputs.ToText(topology ?? SampleInputs.Topology()));
        File.WriteAllText(Path.Combine(folder, "policy.json"), SampleInputs.ToText(policy ?? SampleInputs.Policy()));
        File.WriteAllText(Path.Combine(folder, ".editorconfig"), "root = true\n");
        if (globalConfig is not null)
        {
            File.WriteAllText(Path.Combine(folder, ".globalconfig"), "is_global = true\n" + globalConfig);
        }

        return InProcessBuild.WriteProject(folder, $"<ItemGroup><CertTopology Include=\"topology.json\" /><CertPolicy Include=\"policy.json\" />{items}</ItemGroup>", properties);
    }

    /// <summary>Every file below the folder, as text, for "the value is nowhere" checks.</summary>
    public static IEnumerable<(string Path, string Text)> AllText(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => new FileInfo(f) is { LinkTarget: null, Length: > 0 and < 64 * 1024 * 1024 })
            .Select(f => (f, File.ReadAllText(f)));
}
