using System.Text.Json;
using System.Text.RegularExpressions;
using CertBuildTasks.Cli.Tests.Infrastructure;

namespace CertBuildTasks.Cli.Tests.Installed;

/// <summary>The tool installed from a local feed into a tool path, run as a user runs it, its output redirected as in a CI job.</summary>
[Trait("Lane", "Build")]
[Collection(InstalledToolGroup.Name)]
public sealed class InstalledToolTests(InstalledTool tool) : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_installed_command_is_the_packages_version_and_the_package_is_a_dotnet_tool()
    {
        var (code, output, _) = tool.Run(_dir.Path, "--version");

        Assert.Equal(0, code);
        Assert.Equal(tool.Version, output.Trim());
        Assert.StartsWith($"CertBuildTasks.Cli.{tool.Version}", Path.GetFileName(tool.Package), StringComparison.Ordinal);
        using var archive = System.IO.Compression.ZipFile.OpenRead(tool.Package);
        Assert.Contains(archive.Entries, e => e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
        Assert.Contains(archive.Entries, e => e.FullName.EndsWith("/docs/rules/CBT1001.md", StringComparison.Ordinal));
        Assert.Contains(archive.Entries, e => e.FullName.EndsWith("/certbuild-result.schema.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Validating_the_broken_sample_exits_1_with_canonical_lines_and_no_progress_on_a_redirected_stderr()
    {
        var (code, output, error) = tool.Run(Samples.Folder("Broken"), "validate", "--topology", "topology.json", "--policy", "certificate-policy.json");

        Assert.True(code == 1, output + error);
        Assert.Contains(output.Split('\n'), l => Regex.IsMatch(l, @"^topology\.json\(\d+,\d+\): error CBT\d{4}: "));
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public void Every_finding_links_to_its_page_installed_with_the_tool()
    {
        var (code, output, error) = tool.Run(Samples.Folder("Broken"), "validate", "--topology", "topology.json", "--policy", "certificate-policy.json", "--format", "json");

        Assert.True(code == 1, output + error);
        using var document = JsonDocument.Parse(output);
        var findings = document.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        foreach (var finding in findings)
        {
            var page = new Uri(finding.GetProperty("helpUri").GetString()!);
            Assert.True(page.IsFile, page.ToString());
            Assert.StartsWith(Path.GetFullPath(tool.ToolPath), page.LocalPath, StringComparison.Ordinal);
            Assert.True(File.Exists(page.LocalPath), page.LocalPath);
            Assert.Equal(finding.GetProperty("id").GetString() + ".md", Path.GetFileName(page.LocalPath));
        }
    }
}
