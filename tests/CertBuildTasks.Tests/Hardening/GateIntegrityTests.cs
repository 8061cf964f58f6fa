using System.Globalization;
using CertBuildTasks.Planning;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Hardening;

/// <summary>
/// The gate across a series of incremental builds of one project, as CI runs them: it passes, a no-op
/// build keeps the bundle, an issued certificate that has expired by the next build's
/// CertValidationTime fails it, the failure repeats with nothing changed, the bundle of the last good
/// build survives all of it byte for byte, and going back to a valid time publishes the same bytes
/// again. (`dotnet clean` removing the bundle: DotnetBuildSmokeTests.)
/// </summary>
[Trait("Lane", "Build")]
[Collection(MSBuildTestGroup.Name)]
public sealed class GateIntegrityTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestPki _pki = new();

    public void Dispose()
    {
        _pki.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void The_gate_holds_across_incremental_builds_and_the_last_good_bundle_survives()
    {
        var plan = Generate.Run(SampleInputs.Policy()).Plan;
        var now = DateTimeOffset.UtcNow;
        var expiry = now.AddDays(60);
        _dir.Write("topology.json", SampleInputs.ToText(SampleInputs.Topology()));
        _dir.Write("policy.json", SampleInputs.ToText(SampleInputs.Policy()));
        _dir.Write(".editorconfig", "root = true\n");
        foreach (var c in plan.Certificates)
        {
            TestPki.Write(_dir.File($"issued/{c.Id}.cer"), _pki.Issue(c, c.Id == "director-dir02.contoso.com" ? new TestPki.Options { NotAfter = expiry } : null));
        }

        TestPki.Write(_dir.File("ca/root.cer"), _pki.Root);
        TestPki.Write(_dir.File("ca/issuing.cer"), _pki.Intermediate);
        var project = InProcessBuild.WriteProject(_dir, """
            <ItemGroup>
              <CertTopology Include="topology.json" /><CertPolicy Include="policy.json" />
              <IssuedCertificate Include="issued/*.cer" />
              <TrustedRootCertificate Include="ca/root.cer" /><TrustedRootCertificate Include="ca/issuing.cer" Role="Intermediate" />
            </ItemGroup>
            """);
        BuildRecord At(DateTimeOffset time) => InProcessBuild.Run(project, properties: new Dictionary<string, string?> { ["CertValidationTime"] = time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) });
        Dictionary<string, string> Bundle() => BundleAssert.Snapshot(_dir.File("bin"));

        var good = At(now);
        Assert.True(good.Succeeded, good.Describe());
        var published = Bundle();
        Assert.Contains(published.Keys, k => k.EndsWith("director-dir02.contoso.com.cer", StringComparison.Ordinal));

        // Nothing changed: the gate runs (the clock matters) and passes again; nothing after it runs.
        var noOp = At(now);
        Assert.True(noOp.Succeeded);
        Assert.True(noOp.Ran("ValidateIssuedCertificates"));
        Assert.False(noOp.Ran("GenerateCertificateArtifacts"));
        Assert.False(noOp.Ran("CreateCertificateBundle"));
        Assert.Equal(published, Bundle());

        var expired = At(expiry.AddDays(1));
        Assert.False(expired.Succeeded);
        Assert.Contains(expired.Errors, e => e.Code == "CBT3111" && e.File.EndsWith("director-dir02.contoso.com.cer", StringComparison.Ordinal));
        Assert.Equal(published, Bundle());

        var again = At(expiry.AddDays(1));
        Assert.False(again.Succeeded);
        Assert.True(again.Ran("ValidateIssuedCertificates"));
        Assert.Contains("CBT3111", again.ErrorCodes);
        Assert.Equal(published, Bundle());

        var back = At(now);
        Assert.True(back.Succeeded, back.Describe());
        Assert.Equal(published, Bundle());
    }
}
