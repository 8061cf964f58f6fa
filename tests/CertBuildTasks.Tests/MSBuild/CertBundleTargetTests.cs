using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.MSBuild;

/// <summary>The bundle: reproducible zip, verifiable manifest, self-contained report, atomic publishing, clean.</summary>
[Trait("Lane", "Build")]
[Collection(MSBuildTestGroup.Name)]
public sealed class CertBundleTargetTests : IDisposable
{
    private const string Task = "CreateCertificateBundle";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Project(string? topologyText = null)
    {
        _dir.Write("topology.json", topologyText ?? SampleInputs.ToText(SampleInputs.Topology()));
        _dir.Write("policy.json", SampleInputs.ToText(SampleInputs.Policy()));
        _dir.Write(".editorconfig", "root = true\n");
        return InProcessBuild.WriteProject(_dir, "<ItemGroup><CertTopology Include=\"topology.json\" /><CertPolicy Include=\"policy.json\" /></ItemGroup>");
    }

    private string Zip => _dir.File("bin/test-certificates.zip");

    [Fact]
    public void CertBundleZipPath_puts_the_zip_where_it_says_and_a_no_op_build_keeps_it_there()
    {
        var project = Project();
        var properties = new Dictionary<string, string?> { ["CertBundleZipPath"] = "artifacts/estate.zip" };
        var first = InProcessBuild.Run(project, properties: properties);
        Assert.True(first.Succeeded, first.Describe());
        var zip = _dir.File("artifacts/estate.zip");
        Assert.True(File.Exists(zip));
        Assert.False(File.Exists(Zip));
        using (var archive = ZipFile.OpenRead(zip))
        {
            Assert.Contains(archive.Entries, e => e.FullName == "plan.json");
        }

        // Deleting it publishes again; with nothing changed after that, the bundle stays untouched.
        File.Delete(zip);
        Assert.True(InProcessBuild.Run(project, properties: properties).Ran("CreateCertificateBundle"));
        Assert.True(File.Exists(zip));
        Assert.False(InProcessBuild.Run(project, properties: properties).Ran("CreateCertificateBundle"));
    }

    [Fact]
    public void Clean_builds_give_the_same_zip_a_touch_changes_nothing_and_a_san_change_changes_it()
    {
        var project = Project();
        Assert.True(InProcessBuild.Run(project).Succeeded);
        var first = SHA256.HashData(File.ReadAllBytes(Zip));

        Directory.Delete(_dir.File("bin"), true);
        Directory.Delete(_dir.File("obj"), true);
        Thread.Sleep(1100); // a different second on the clock changes nothing in the zip
        Assert.True(InProcessBuild.Run(project).Succeeded);
        Assert.Equal(first, SHA256.HashData(File.ReadAllBytes(Zip)));

        File.SetLastWriteTimeUtc(_dir.File("topology.json"), DateTime.UtcNow.AddSeconds(5));
        var touched = InProcessBuild.Run(project);
        Assert.True(touched.Ran("ValidateCertificateInputs"));
        Assert.Equal(first, SHA256.HashData(File.ReadAllBytes(Zip)));

        var topology = SampleInputs.Topology();
        topology["simpleUrls"]!["dialin"] = "https://dialin2.contoso.com";
        Project(SampleInputs.ToText(topology));
        Assert.True(InProcessBuild.Run(project).Succeeded);
        Assert.NotEqual(first, SHA256.HashData(File.ReadAllBytes(Zip)));
    }

    [Fact]
    public void The_zip_has_sorted_entries_with_a_fixed_time_and_every_manifest_hash_verifies()
    {
        Assert.True(InProcessBuild.Run(Project()).Succeeded);
        using var zip = ZipFile.OpenRead(Zip);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
        Assert.Contains("plan.json", names);
        Assert.Contains("report.html", names);
        Assert.Contains("servers/fe01.contoso.com/Set-Certificates.ps1", names);

        using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
        var files = manifest.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(names.Count - 2, files.Count); // every file but manifest.json and SHA256SUMS
        foreach (var file in files)
        {
            using var stream = zip.GetEntry(file.GetProperty("path").GetString()!)!.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            Assert.Equal(file.GetProperty("sha256").GetString(), Convert.ToHexString(SHA256.HashData(buffer.ToArray())).ToLowerInvariant());
            Assert.Equal(file.GetProperty("size").GetInt64(), buffer.Length);
        }

        var inputs = manifest.RootElement.GetProperty("inputs").EnumerateArray().ToDictionary(i => i.GetProperty("path").GetString()!, i => i.GetProperty("sha256").GetString());
        Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(_dir.File("topology.json")))).ToLowerInvariant(), inputs["topology.json"]);
        Assert.Contains("policy.json", inputs.Keys);

        // SHA256SUMS covers every other file, manifest.json too, and the real sha256sum verifies it.
        var sums = File.ReadAllLines(_dir.File("bin/certbundle/SHA256SUMS"));
        Assert.Equal(names.Count - 1, sums.Length);
        Assert.Contains(sums, l => l.EndsWith("  manifest.json", StringComparison.Ordinal));
        var (code, output) = ProcessRunner.Run("sha256sum", _dir.File("bin/certbundle"), ["-c", "--strict", "SHA256SUMS"]);
        Assert.True(code == 0, output);
    }

    [Fact]
    public void The_report_is_self_contained_and_encodes_input_text()
    {
        var policy = SampleInputs.Policy();
        policy["friendlyName"] = "{kind} <script>alert(1)</script> & \"x\"";
        _dir.Write("policy.json", SampleInputs.ToText(policy));
        _dir.Write("topology.json", SampleInputs.ToText(SampleInputs.Topology()));
        var project = InProcessBuild.WriteProject(_dir, "<ItemGroup><CertTopology Include=\"topology.json\" /><CertPolicy Include=\"policy.json\" /></ItemGroup>");
        Assert.True(InProcessBuild.Run(project).Succeeded);
        var html = File.ReadAllText(_dir.File("bin/certbundle/report.html"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"<(link|img|iframe)[^>]+(src|href)=""(https?:)?//", html);
        Assert.Contains("lyncdiscover.fabrikam.com", html, StringComparison.Ordinal);
        Assert.Contains("external Autodiscover (mobility) for fabrikam.com", html, StringComparison.Ordinal);
        Assert.Contains("Certificate matrix", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_build_keeps_the_previous_bundle()
    {
        var project = Project();
        Assert.True(InProcessBuild.Run(project).Succeeded);
        var zipBytes = File.ReadAllBytes(Zip);
        var planBytes = File.ReadAllBytes(_dir.File("bin/certbundle/plan.json"));

        _dir.Write("topology.json", "{ \"broken\": ");
        Assert.False(InProcessBuild.Run(project).Succeeded);
        Assert.Equal(zipBytes, File.ReadAllBytes(Zip));
        Assert.Equal(planBytes, File.ReadAllBytes(_dir.File("bin/certbundle/plan.json")));
        Assert.DoesNotContain(Directory.GetDirectories(_dir.File("bin")), d => d.Contains(".new-", StringComparison.Ordinal) || d.Contains(".old-", StringComparison.Ordinal));

    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void A_bundle_folder_that_holds_the_project_is_CBT4007_and_the_project_is_untouched(string folder)
    {
        var project = Project();
        var before = Directory.GetFiles(_dir.Path).Order(StringComparer.Ordinal).ToList();

        var bundle = Path.GetFullPath(Path.Combine(_dir.Path, folder)) + Path.DirectorySeparatorChar;
        var build = InProcessBuild.Run(project, properties: new Dictionary<string, string?> { ["CertBundleOutputPath"] = bundle });

        Assert.False(build.Succeeded);
        var error = Assert.Single(build.Errors, e => e.Code == "CBT4007");
        Assert.Contains("the bundle folder holds '", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(_dir.Path).Where(f => !f.EndsWith(".zip", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(project));
    }

    [Fact]
    public void A_no_op_build_skips_the_bundle_and_never_deletes_it()
    {
        var project = Project();
        Assert.True(InProcessBuild.Run(project).Succeeded);
        var second = InProcessBuild.Run(project);
        Assert.False(second.Ran(Task));
        Assert.True(File.Exists(Zip));
        Assert.True(File.Exists(_dir.File("bin/certbundle/report.html")));
    }
}
