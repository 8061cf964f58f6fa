using System.IO.Compression;
using System.Xml.Linq;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.MSBuild;

/// <summary>The NuGet package as a consumer gets it: packed, restored from a local feed, built with dotnet build.</summary>
[Trait("Lane", "Build")]
[Collection(MSBuildTestGroup.Name)]
public sealed class PackageTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_packed_package_builds_the_bundle_in_a_consumer_project()
    {
        var version = "0.1.0-test" + Guid.NewGuid().ToString("N")[..8];
        var feed = _dir.File("feed");
        var nupkg = LocalFeed.Pack(feed, version);

        // What is in the package: tasks and their private dependencies, build logic, no lib/, no dependencies.
        using (var zip = ZipFile.OpenRead(nupkg))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("tasks/net8.0/CertBuildTasks.dll", entries);
            Assert.Contains("tasks/net8.0/CertBuildTasks.Core.dll", entries);
            Assert.Contains("tasks/net8.0/NJsonSchema.dll", entries);
            Assert.Contains("tasks/net8.0/CertBuildTasks.deps.json", entries);
            Assert.Contains("build/CertBuildTasks.targets", entries);
            Assert.Contains("buildTransitive/CertBuildTasks.targets", entries);
            Assert.Contains("README.md", entries);
            Assert.Contains("icon.png", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
            Assert.DoesNotContain(entries, e => e.Contains("Microsoft.Build", StringComparison.Ordinal));
            using var nuspec = zip.GetEntry("CertBuildTasks.nuspec")!.Open();
            var metadata = XDocument.Load(nuspec).Root!.Elements().First();
            Assert.Equal("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
            Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName == "dependencies");
            Assert.Equal("MIT", metadata.Elements().Single(e => e.Name.LocalName == "license").Value);
            Assert.Equal("expression", metadata.Elements().Single(e => e.Name.LocalName == "license").Attribute("type")!.Value);
            Assert.Contains("lync", metadata.Elements().Single(e => e.Name.LocalName == "tags").Value, StringComparison.Ordinal);

            // The package page's README is the consumer's, and every link on it opens from a package page.
            using var readme = new StreamReader(zip.GetEntry("README.md")!.Open());
            var text = readme.ReadToEnd();
            Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "CertBuildTasks", "PACKAGE.md")), text);
            Assert.Contains("<PackageReference Include=\"CertBuildTasks\"", text, StringComparison.Ordinal);
            foreach (System.Text.RegularExpressions.Match link in System.Text.RegularExpressions.Regex.Matches(text, @"\]\((?<url>[^)]+)\)"))
            {
                Assert.True(Uri.TryCreate(link.Groups["url"].Value, UriKind.Absolute, out _), "relative link on the package page: " + link.Value);
            }
        }

        var consumer = _dir.File("consumer");
        LocalFeed.Configure(consumer, feed, _dir.File("packages"));
        File.WriteAllText(Path.Combine(consumer, "topology.json"), SampleInputs.ToText(SampleInputs.Topology()));
        File.WriteAllText(Path.Combine(consumer, "certificate-policy.json"), SampleInputs.ToText(SampleInputs.Policy()));
        // The consumer is the README's quick start, as written there (its floating 0.1.0-* finds the packed version).
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), QuickStartProject());
        var (code, output) = DotNetCli.Run(consumer, "build", "-nologo", "-tl:off");
        Assert.True(code == 0, output);
        Assert.Contains("0 Warning(s)", output, StringComparison.Ordinal);
        Assert.Contains("CertBuildTasks " + version, File.ReadAllText(Path.Combine(consumer, "obj", "project.assets.json")).Replace("/", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(consumer, "bin", "Debug", "net8.0", "certbundle", "plan.json")));
        Assert.True(File.Exists(Path.Combine(consumer, "bin", "Debug", "net8.0", "Consumer-certificates.zip")));
        Assert.Empty(Directory.GetFiles(Path.Combine(consumer, "bin"), "*.dll", SearchOption.AllDirectories));
        Assert.Contains("Consumer -> " + Path.Combine(consumer, "bin", "Debug", "net8.0", "certbundle") + "/", output, StringComparison.Ordinal);

        // A finding's help link opens the page the package ships (the error list and the SARIF log take the same link).
        File.WriteAllText(Path.Combine(consumer, "topology.json"), SampleInputs.ToText(SampleInputs.TopologyWithWarning())); // CBT1116

        var (_, warned) = DotNetCli.Run(consumer, "build", "-nologo", "-tl:off");
        Assert.Contains("warning CBT1116", warned, StringComparison.Ordinal);
        using var sarif = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(consumer, "obj", "Debug", "net8.0", "certbuild.sarif")));
        var helpUri = new Uri(sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")[0].GetProperty("helpUri").GetString()!);
        Assert.True(helpUri.IsFile && File.Exists(helpUri.LocalPath), helpUri.AbsoluteUri);
        Assert.StartsWith(_dir.File("packages"), helpUri.LocalPath, StringComparison.Ordinal);
    }

    /// <summary>The first XML block of the README's "Quick start".</summary>
    private static string QuickStartProject()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var start = readme.IndexOf("```xml\n", readme.IndexOf("## Quick start", StringComparison.Ordinal), StringComparison.Ordinal) + "```xml\n".Length;
        return readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
    }

    [Fact]
    public void Every_commit_packs_as_a_version_of_its_own_taken_from_git()
    {
        var feed = _dir.File("feed");
        var nupkg = LocalFeed.Pack(feed);
        var version = Path.GetFileNameWithoutExtension(nupkg)["CertBuildTasks.".Length..];

        // MinVer: the last v-tag and the commits since; before the first tag, 0.1.0-alpha.0.<height>,
        // the height being the commits after the first (what a shallow clone has, it counts).
        var (_, tags) = ProcessRunner.Run("git", RepoPaths.Root, ["tag", "--list", "v*", "--merged", "HEAD"]);
        var (_, count) = ProcessRunner.Run("git", RepoPaths.Root, ["rev-list", "--count", "HEAD"]);
        if (tags.Trim().Length == 0)
        {
            Assert.Equal("0.1.0-alpha.0." + (int.Parse(count.Trim(), System.Globalization.CultureInfo.InvariantCulture) - 1), version);
        }
        else
        {
            Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$", version);
        }

        // The task assembly the package carries says the same version (the SARIF log and plan.json name it).
        var informational = System.Diagnostics.FileVersionInfo.GetVersionInfo(RepoPaths.TaskAssembly).ProductVersion!;
        Assert.Equal(version, informational.Split('+')[0]);
    }
}
