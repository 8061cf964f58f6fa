using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.MSBuild;

/// <summary>CertCheckDeployed in process: it runs on every build with deployed certificates, because expiry depends on the clock.</summary>
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
            [ { "Server": "fe01.contoso.com", "Use": "OAuthTokenIssuer", "Thumbprint": "AB", "NotAfter": "2026-12-08T00:00:00Z", "Subject": "CN=contoso.com", "AlternativeNames": ["contoso.com"] } ]
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

        var later = InProcessBuild.Run(project, properties: new Dictionary<string, string?> { ["CertValidationTime"] = "2026-12-09T00:00:00Z" });
        Assert.False(later.Succeeded);
        Assert.Contains("CBT5001", later.ErrorCodes);
        Assert.EndsWith("deployed.json", later.Errors.First(e => e.Code == "CBT5001").File, StringComparison.Ordinal);
        Assert.True(File.Exists(deployed));
    }
}
