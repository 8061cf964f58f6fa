using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.MSBuild;

/// <summary>CertCheckDeployed in process: it runs on every build with deployed certificates, because expiry depends on the clock.</summary>
[Trait("Lane", "Build")]
[Collection(MSBuildTestGroup.Name)]
public sealed class CertCheckDeployedTargetTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void An_expiring_certificate_warns_on_every_build_and_an_expired_one_fails_it()
    {
        _dir.Write("topology.json", SampleInputs.ToText(SampleInputs.Topology()));
        _dir.Write("policy.json", SampleInputs.ToText(SampleInputs.Policy()));
        _dir.Write(".editorconfig", "root = true\n");
        var deployed = _dir.Write("deployed.json", """
            [ { "Server": "fe01.contoso.com", "Use": "OAuthTokenIssuer", "Thumbprint": "AB00000000000000000000000000000000000000", "NotAfter": "2026-12-08T00:00:00Z", "Subject": "CN=contoso.com", "AlternativeNames": ["contoso.com"] } ]
            """);
        var project = InProcessBuild.WriteProject(_dir,
            "<ItemGroup><CertTopology Include=\"topology.json\" /><CertPolicy Include=\"policy.json\" /><DeployedCertificate Include=\"deployed.json\" /></ItemGroup>",
            "<CertValidationTime>2026-11-28T00:00:00Z</CertValidationTime>");

        var first = InProcessBuild.Run(project);
        Assert.True(first.Succeeded, first.Describe());
        Assert.Equal(["CBT5002"], first.WarningCodes.Where(c => c.StartsWith("CBT5", StringComparison.Ordinal)));

        var again = InProcessBuild.Run(project);
        Assert.True(again.Ran("CheckDeployedCertificates"));
        Assert.Equal(["CBT5002"], again.WarningCodes.Where(c => c.StartsWith("CBT5", StringComparison.Ordinal)));
        Assert.False(again.Ran("GenerateCertificateArtifacts"), "an unchanged deployed set does not regenerate");
        Assert.False(again.Ran("CreateCertificateBundle"), "an unchanged deployed set does not re-bundle");

        var later = InProcessBuild.Run(project, properties: new Dictionary<string, string?> { ["CertValidationTime"] = "2026-12-09T00:00:00Z" });
        Assert.False(later.Succeeded);
        Assert.Contains("CBT5001", later.ErrorCodes);

        // The failing check does not stop the build before the scripts that fix it are written: the
        // renewal runbook names what ends.
        Assert.True(File.Exists(_dir.File("bin/certbundle/global/renewal/Roll-OAuthCertificate.ps1")));
        Assert.Contains("| fe01\\.contoso\\.com | OAuthTokenIssuer | `AB00000000000000000000000000000000000000` | 2026-12-08 00:00 |", File.ReadAllText(_dir.File("bin/certbundle/global/renewal/runbook.md")), StringComparison.Ordinal);

        // Without deployed certificates the renewal runbook no longer lists them (the scripts stay: they read the estate when they run).
        var project2 = InProcessBuild.WriteProject(_dir,
            "<ItemGroup><CertTopology Include=\"topology.json\" /><CertPolicy Include=\"policy.json\" /></ItemGroup>",
            "<CertValidationTime>2026-11-28T00:00:00Z</CertValidationTime>");
        var without = InProcessBuild.Run(project2);
        Assert.True(without.Succeeded, without.Describe());
        Assert.DoesNotContain("AB00000000000000000000000000000000000000", File.ReadAllText(_dir.File("bin/certbundle/global/renewal/runbook.md")), StringComparison.Ordinal);
        Assert.EndsWith("deployed.json", later.Errors.First(e => e.Code == "CBT5001").File, StringComparison.Ordinal);
        Assert.True(File.Exists(deployed));
    }

    [Fact]
    public void With_the_time_pinned_two_clean_builds_give_the_same_bundle_with_renewal_scripts_timeline_and_drift()
    {
        _dir.Write("topology.json", SampleInputs.ToText(SampleInputs.Topology()));
        _dir.Write("policy.json", SampleInputs.ToText(SampleInputs.Policy()));
        _dir.Write(".editorconfig", "root = true\n");
        _dir.Write("deployed/fe01.deployed.json", """
            [
              { "Server": "fe01.contoso.com", "Use": "OAuthTokenIssuer", "Thumbprint": "0A0A000000000000000000000000000000000000", "NotAfter": "2027-06-01T00:00:00Z", "Subject": "CN=contoso.com", "AlternativeNames": ["contoso.com"] },
              { "Server": "fe01.contoso.com", "Use": "Default", "Thumbprint": "FE01000000000000000000000000000000000000", "NotAfter": "2027-09-01T00:00:00Z", "Subject": "CN=pool01.contoso.com", "AlternativeNames": ["pool01.contoso.com", "fe01.contoso.com", "old.contoso.com"] }
            ]
            """);
        var project = InProcessBuild.WriteProject(_dir,
            "<ItemGroup><CertTopology Include=\"topology.json\" /><CertPolicy Include=\"policy.json\" /><DeployedCertificate Include=\"deployed/*.json\" /></ItemGroup>",
            "<CertValidationTime>2026-11-28T00:00:00Z</CertValidationTime><CertBundleName>b</CertBundleName>");

        var first = InProcessBuild.Run(project);
        Assert.Contains("CBT5003", first.ErrorCodes); // fe01's Default certificate lacks the plan's names
        Assert.False(first.Succeeded);

        _dir.Write("deployed/fe01.deployed.json", """
            [ { "Server": "fe01.contoso.com", "Use": "OAuthTokenIssuer", "Thumbprint": "0A0A000000000000000000000000000000000000", "NotAfter": "2027-06-01T00:00:00Z", "Subject": "CN=contoso.com", "AlternativeNames": ["contoso.com"] } ]
            """);
        var good = InProcessBuild.Run(project);
        Assert.True(good.Succeeded, good.Describe());
        var zip = _dir.File("bin/b.zip");
        var bytes = File.ReadAllBytes(zip);
        var report = File.ReadAllText(_dir.File("bin/certbundle/report.html"));
        Assert.Contains("Certificates in service", report, StringComparison.Ordinal);
        Assert.Contains("2027-06-01", report, StringComparison.Ordinal);
        Assert.True(File.Exists(_dir.File("bin/certbundle/global/renewal/Roll-OAuthCertificate.ps1")));
        // The roll-over reads the current certificate when it runs; the renewal runbook names it with its end.
        Assert.DoesNotContain("0A0A000000000000000000000000000000000000", File.ReadAllText(_dir.File("bin/certbundle/global/renewal/Roll-OAuthCertificate.ps1")), StringComparison.Ordinal);
        Assert.Contains("`0A0A000000000000000000000000000000000000` | 2027-06-01 00:00 |", File.ReadAllText(_dir.File("bin/certbundle/global/renewal/runbook.md")), StringComparison.Ordinal);

        Directory.Delete(_dir.File("bin"), recursive: true);
        Directory.Delete(_dir.File("obj"), recursive: true);
        var again = InProcessBuild.Run(project);
        Assert.True(again.Succeeded, again.Describe());
        Assert.Equal(bytes, File.ReadAllBytes(zip));
    }
}
