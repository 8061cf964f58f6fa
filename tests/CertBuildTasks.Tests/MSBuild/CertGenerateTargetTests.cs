using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.MSBuild;

/// <summary>The CertGenerate target in process: bundle files, FileWrites, incrementality, CSR settings.</summary>
[Trait("Lane", "Build")]
[Collection(MSBuildTestGroup.Name)]
public sealed class CertGenerateTargetTests : IDisposable
{
    private const string Task = "GenerateCertificateArtifacts";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Project(JObject topology, JObject policy, string properties = "")
    {
        _dir.Write("topology.json", SampleInputs.ToText(topology));
        _dir.Write("policy.json", SampleInputs.ToText(policy));
        _dir.Write(".editorconfig", "root = true\n");
        const string ShowWrites = """
            <Target Name="ShowWrites" AfterTargets="CertBuild" DependsOnTargets="_CertFileWrites">
              <Message Importance="high" Text="WRITE %(FileWrites.Identity)" />
            </Target>
            """;
        return InProcessBuild.WriteProject(_dir, "<ItemGroup><CertTopology Include=\"topology.json\" /><CertPolicy Include=\"policy.json\" /></ItemGroup>" + ShowWrites, properties);
    }

    private string Bundle(string relative) => _dir.File(Path.Combine("bin", "certbundle", relative));

    [Fact]
    public void The_bundle_gets_every_artifact_its_zip_and_manifest_are_in_FileWrites_and_a_no_op_build_skips_generation()
    {
        var project = Project(SampleInputs.Topology(), SampleInputs.Policy());
        var first = InProcessBuild.Run(project);
        Assert.True(first.Succeeded, first.Describe());
        Assert.True(first.Ran(Task));
        Assert.True(File.Exists(Bundle("servers/fe01.contoso.com/frontend-fe01.contoso.com.inf")));
        Assert.True(File.Exists(Bundle("servers/fe01.contoso.com/Request-Certificates.ps1")));
        Assert.True(File.Exists(Bundle("global/Set-OAuthCertificate.ps1")));
        Assert.True(File.Exists(Bundle("global/runbook.md")));

        var second = InProcessBuild.Run(project);
        Assert.False(second.Ran(Task));
        var writes = second.Messages.Select(m => m.Message ?? string.Empty).Where(m => m.StartsWith("WRITE ", StringComparison.Ordinal)).Select(m => m[6..].Replace('\\', '/')).ToList();
        // The zip and the manifest are FileWrites on a skipped build too; the thousands of files inside the
        // folder are not (CertClean removes them from the list the bundle keeps: DotnetBuildSmokeTests).
        Assert.Contains(writes, w => w.EndsWith("bin/test-certificates.zip", StringComparison.Ordinal));
        Assert.Contains(writes, w => w.EndsWith("certbundle/manifest.json", StringComparison.Ordinal));
        Assert.DoesNotContain(writes, w => w.EndsWith("servers/fe01.contoso.com/Set-Certificates.ps1", StringComparison.Ordinal));
        var published = File.ReadAllLines(_dir.File("obj/certbuild/published.files"));
        Assert.Contains(published, p => p.Replace('\\', '/').EndsWith("servers/fe01.contoso.com/Set-Certificates.ps1", StringComparison.Ordinal));
        Assert.Contains(published, p => p.Replace('\\', '/').EndsWith("global/reverse-proxy/reverseproxy-rp01.inf", StringComparison.Ordinal));
    }

    [Fact]
    public void A_server_removed_from_the_topology_loses_its_folder_on_the_next_build()
    {
        var project = Project(SampleInputs.Topology(), SampleInputs.Policy());
        Assert.True(InProcessBuild.Run(project).Succeeded);
        Assert.True(Directory.Exists(Bundle("servers/med02.contoso.com")));

        var topology = SampleInputs.Topology();
        SampleInputs.Pool(topology, "Mediation")["servers"] = new JArray("med01.contoso.com");
        Project(topology, SampleInputs.Policy());
        Assert.True(InProcessBuild.Run(project).Succeeded);
        Assert.False(Directory.Exists(Bundle("servers/med02.contoso.com")));
        Assert.True(File.Exists(Bundle("servers/med01.contoso.com/Set-Certificates.ps1")));
    }

    [Fact]
    public void A_generation_error_fails_the_build_and_keeps_the_previous_files()
    {
        var project = Project(SampleInputs.Topology(), SampleInputs.Policy());
        Assert.True(InProcessBuild.Run(project).Succeeded);
        var inf = Bundle("servers/fe01.contoso.com/frontend-fe01.contoso.com.inf");
        var good = File.ReadAllBytes(inf);

        var policy = SampleInputs.Policy();
        policy["subject"]!["organization"] = "Soci\u00e9t\u00e9";
        Project(SampleInputs.Topology(), policy);
        var failed = InProcessBuild.Run(project);
        Assert.False(failed.Succeeded);
        Assert.Equal(["CBT4002"], failed.ErrorCodes);
        Assert.Equal(good, File.ReadAllBytes(inf));
    }

    [Fact]
    public void Csr_generation_without_a_key_store_is_an_error_and_with_one_writes_csrs_and_no_keys_into_the_bundle()
    {
        var variable = "CBT_TEST_KEY_PASSWORD_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var project = Project(SampleInputs.Topology(), SampleInputs.Policy(), $"<CertGenerateCsr>true</CertGenerateCsr><CertKeyPasswordVariable>{variable}</CertKeyPasswordVariable>");
        var missing = InProcessBuild.Run(project);
        Assert.False(missing.Succeeded);
        Assert.Equal(["CBT4003", "CBT4003"], missing.ErrorCodes);

        Environment.SetEnvironmentVariable(variable, "build-secret");
        try
        {
            var store = _dir.File("../" + Path.GetFileName(_dir.Path) + "-keys");
            var withStore = InProcessBuild.Run(project, properties: new Dictionary<string, string?> { ["CertKeyStorePath"] = store });
            Assert.True(withStore.Succeeded, withStore.Describe());
            Assert.True(File.Exists(Bundle("servers/edge01.contoso.com/edge-external-edgepool.contoso.com.csr")));
            Assert.Equal(5, Directory.GetFiles(store).Length);
            Assert.Empty(Directory.GetFiles(_dir.File("bin"), "*.pem", SearchOption.AllDirectories));
            Assert.DoesNotContain(withStore.Messages, m => (m.Message ?? string.Empty).Contains("build-secret", StringComparison.Ordinal));
            Directory.Delete(store, recursive: true);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void A_deleted_bundle_is_published_again_on_the_next_build_without_generating_again()
    {
        var project = Project(SampleInputs.Topology(), SampleInputs.Policy());
        Assert.True(InProcessBuild.Run(project).Succeeded);
        var inf = Bundle("servers/fe02.contoso.com/frontend-fe02.contoso.com.inf");
        var bytes = File.ReadAllBytes(inf);

        // The bundle's manifest, its zip or the whole folder deleted: published again, the same bytes;
        // the generated files come from the pipeline, generation itself is up to date.
        foreach (var delete in new Action[]
        {
            () => File.Delete(Bundle("manifest.json")),
            () => File.Delete(_dir.File("bin/test-certificates.zip")),
            () => Directory.Delete(_dir.File("bin/certbundle"), recursive: true),
        })
        {
            delete();
            var republished = InProcessBuild.Run(project);
            Assert.True(republished.Succeeded, republished.Describe());
            Assert.True(republished.Ran("CreateCertificateBundle"));
            Assert.False(republished.Ran(Task));
            Assert.Equal(bytes, File.ReadAllBytes(inf));
            Assert.True(File.Exists(Bundle("manifest.json")));
        }
    }
}
