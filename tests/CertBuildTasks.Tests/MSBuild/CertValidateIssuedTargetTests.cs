using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using CertBuildTasks.Planning;
using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.MSBuild;

/// <summary>
/// The gate in a build: the sample's "issued" scenario (certificates made at test time, no committed
/// keys) passes, plan.json carries the thumbprints, and the generated assignment scripts, run against
/// the strict stand-ins, assign exactly those thumbprints. Clock and failure behaviour across builds.
/// </summary>
[Trait("Lane", "Build")]
[Collection(MSBuildTestGroup.Name)]
public sealed class CertValidateIssuedTargetTests : IDisposable
{
    private const string Gate = "ValidateIssuedCertificates";
    private readonly TempDirectory _dir = new();
    private readonly TestPki _pki = new();
    private readonly CertificatePlan _plan = Generate.Run(SampleInputs.Policy()).Plan;

    public void Dispose()
    {
        _pki.Dispose();
        _dir.Dispose();
    }

    private string Project(string extraProperties = "", Func<PlannedCertificate, TestPki.Options?>? options = null)
    {
        _dir.Write("topology.json", SampleInputs.ToText(SampleInputs.Topology()));
        _dir.Write("policy.json", SampleInputs.ToText(SampleInputs.Policy()));
        _dir.Write(".editorconfig", "root = true\n");
        foreach (var c in _plan.Certificates)
        {
            TestPki.Write(_dir.File($"issued/{c.Id}.cer"), _pki.Issue(c, options?.Invoke(c)));
        }

        TestPki.Write(_dir.File("ca/root.cer"), _pki.Root);
        TestPki.Write(_dir.File("ca/issuing.cer"), _pki.Intermediate);
        const string Items = """
            <ItemGroup>
              <CertTopology Include="topology.json" />
              <CertPolicy Include="policy.json" />
              <IssuedCertificate Include="issued/*.cer" />
              <TrustedRootCertificate Include="ca/root.cer" />
              <TrustedRootCertificate Include="ca/issuing.cer" Role="Intermediate" />
            </ItemGroup>
            """;
        return InProcessBuild.WriteProject(_dir, Items, extraProperties);
    }

    private string Bundle(string relative) => _dir.File(Path.Combine("bin", "certbundle", relative));

    private System.Security.Cryptography.X509Certificates.X509Certificate2 CertificateOf(CertBuildTasks.Planning.PlannedCertificate c) =>
        System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(_dir.File($"issued/{c.Id}.cer")));

    [Fact]
    public void The_issued_scenario_passes_records_the_thumbprints_and_the_scripts_assign_exactly_them()
    {
        // The Edge external and reverse proxy certificates are planned public: they come from a second PKI whose root is marked public.
        var project = Project(options: null);
        var publicPki = new TestPki("Public");
        try
        {
            foreach (var c in _plan.Certificates.Where(c => c.CertificateAuthority == CertBuildTasks.Policy.AuthorityKind.Public))
            {
                TestPki.Write(_dir.File($"issued/{c.Id}.cer"), publicPki.Issue(c));
            }

            TestPki.Write(_dir.File("ca/public-root.cer"), publicPki.Root);
            TestPki.Write(_dir.File("ca/public-issuing.cer"), publicPki.Intermediate);
            File.WriteAllText(project, File.ReadAllText(project).Replace("</ItemGroup>", """
                  <TrustedRootCertificate Include="ca/public-root.cer" Authority="public" />
                  <TrustedRootCertificate Include="ca/public-issuing.cer" Role="Intermediate" Authority="public" />
                </ItemGroup>
                """, StringComparison.Ordinal));

            var build = InProcessBuild.Run(project);
            Assert.True(build.Succeeded, build.Describe());
            Assert.Empty(build.Warnings);

            using var plan = JsonDocument.Parse(File.ReadAllText(Bundle("plan.json")));
            var thumbprints = plan.RootElement.GetProperty("certificates").EnumerateArray()
                .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("issued").GetProperty("thumbprint").GetString()!);
            Assert.Equal(12, thumbprints.Count);
            foreach (var c in _plan.Certificates)
            {
                var issued = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(_dir.File($"issued/{c.Id}.cer")));
                Assert.Equal(issued.Thumbprint, thumbprints[c.Id]);
                Assert.Equal(issued.RawData, File.ReadAllBytes(Bundle(CertBuildTasks.Generation.BundlePaths.IssuedCertificate(c))));
            }

            // The generated assignment script finds the issued certificate by its thumbprint and assigns
            // it, though a newer certificate with the same names is in the store too.
            var fe = _plan.Certificates.Single(c => c.Id == "frontend-fe01.contoso.com");
            var oauth = _plan.Certificates.Single(c => c.Id == "oauth-contoso.com");
            using var estate = new Lifecycle.Estate(Validate.Run(SampleInputs.Topology(), SampleInputs.Policy()).Result.Topology!, DateTimeOffset.UtcNow.AddHours(2));
            using var runner = new Lifecycle.EstateRunner(estate);
            var fe01 = estate["fe01.contoso.com"];
            using var decoy = _pki.Issue(fe, new TestPki.Options { NotAfter = DateTimeOffset.UtcNow.AddYears(3) });
            foreach (var (certificate, name) in new[] { (decoy, "decoy"), (CertificateOf(fe), "issued"), (CertificateOf(oauth), "oauth") })
            {
                fe01.My.Add(new Lifecycle.StoredCertificate(certificate.CopyWithPrivateKey(TestPki.LeafKey), name, true, TestPki.LeafKey));
            }

            Assert.True(runner.Run("fe01.contoso.com", Bundle("servers/fe01.contoso.com/Set-Certificates.ps1")).Succeeded);
            Assert.Equal(thumbprints[fe.Id], estate.Assigned("fe01.contoso.com", "Default"));
            Assert.True(runner.Run("fe01.contoso.com", Bundle("global/Set-OAuthCertificate.ps1")).Succeeded);
            Assert.Equal(thumbprints[oauth.Id], estate.Assigned("Global", "OAuthTokenIssuer"));
        }
        finally
        {
            publicPki.Dispose();
        }
    }

    [Fact]
    public void A_certificate_that_expires_between_two_builds_is_caught_by_the_second()
    {
        var soon = DateTimeOffset.UtcNow.AddDays(40);
        var project = Project(options: c => c.Id == "mediation-med01.contoso.com" ? new TestPki.Options { NotAfter = soon } : null);
        var first = InProcessBuild.Run(project, properties: new Dictionary<string, string?> { ["CertValidationTime"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.DoesNotContain("CBT3111", first.ErrorCodes);

        var later = InProcessBuild.Run(project, properties: new Dictionary<string, string?> { ["CertValidationTime"] = soon.AddDays(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.False(later.Succeeded);
        Assert.Contains("CBT3111", later.ErrorCodes);
        Assert.True(later.Ran(Gate));
    }

    [Fact]
    public void A_failed_gate_fails_again_without_changes_and_keeps_the_previous_plan()
    {
        var good = Project();
        Assert.True(InProcessBuild.Run(good).Succeeded);
        var planBefore = File.ReadAllBytes(Bundle("plan.json"));
        var zipBefore = File.ReadAllBytes(_dir.File("bin/test-certificates.zip"));

        var fe = _plan.Certificates.Single(c => c.Id == "frontend-fe02.contoso.com");
        TestPki.Write(_dir.File($"issued/{fe.Id}.cer"), _pki.Issue(fe, new TestPki.Options { DnsNames = [.. fe.SanNames.SkipLast(1)] }));
        var failed = InProcessBuild.Run(good);
        var again = InProcessBuild.Run(good);
        Assert.Contains("CBT3104", failed.ErrorCodes);
        Assert.Contains("CBT3104", again.ErrorCodes);
        Assert.True(again.Ran(Gate));
        Assert.Equal(planBefore, File.ReadAllBytes(Bundle("plan.json")));
        Assert.Equal(zipBefore, File.ReadAllBytes(_dir.File("bin/test-certificates.zip")));
    }

    [Fact]
    public void An_invalid_validation_time_is_CBT3004()
    {
        var build = InProcessBuild.Run(Project("<CertValidationTime>next tuesday</CertValidationTime>"));
        Assert.Equal(["CBT3004"], build.ErrorCodes);
    }

    [Fact]
    public void With_central_keys_the_gate_writes_a_3des_sha1_pfx_that_openssl_opens()
    {
        var variable = "CBT_GATE_PW_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var store = Path.Combine(Path.GetTempPath(), "cbt-tests", "keys-" + Guid.NewGuid().ToString("N")[..8]);
        Environment.SetEnvironmentVariable(variable, "gate-secret");
        try
        {
            var properties = $"<CertGenerateCsr>true</CertGenerateCsr><CertKeyStorePath>{store}</CertKeyStorePath><CertKeyPasswordVariable>{variable}</CertKeyPasswordVariable>";
            _dir.Write("topology.json", SampleInputs.ToText(SampleInputs.Topology()));
            _dir.Write("policy.json", SampleInputs.ToText(SampleInputs.Policy()));
            var plain = InProcessBuild.WriteProject(_dir, "<ItemGroup><CertTopology Include=\"topology.json\" /><CertPolicy Include=\"policy.json\" /></ItemGroup>", properties);
            Assert.True(InProcessBuild.Run(plain).Succeeded);

            // The CA answers the reverse proxy CSR the build made.
            using var issued = _pki.Answer(File.ReadAllText(Bundle("global/reverse-proxy/reverseproxy-rp01.csr")));
            TestPki.Write(_dir.File("answers/from-public-ca.cer"), issued);
            TestPki.Write(_dir.File("ca/root.cer"), _pki.Root);
            TestPki.Write(_dir.File("ca/issuing.cer"), _pki.Intermediate);
            var project = InProcessBuild.WriteProject(_dir, """
                <ItemGroup>
                  <CertTopology Include="topology.json" /><CertPolicy Include="policy.json" />
                  <IssuedCertificate Include="answers/from-public-ca.cer" />
                  <TrustedRootCertificate Include="ca/root.cer" /><TrustedRootCertificate Include="ca/issuing.cer" Role="Intermediate" />
                </ItemGroup>
                """, properties);
            var build = InProcessBuild.Run(project);
            Assert.True(build.Succeeded, build.Describe());
            var pfx = Path.Combine(store, "reverseproxy-rp01.pfx");
            var info = OpenSsl.Run(store, "pkcs12", "-info", "-in", pfx, "-noout", "-passin", "pass:gate-secret", "-legacy");
            Assert.Contains("pbeWithSHA1And3-KeyTripleDES-CBC", info, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(_dir.File("bin"), "*.pfx", SearchOption.AllDirectories));
            Assert.DoesNotContain(build.Messages, m => (m.Message ?? string.Empty).Contains("gate-secret", StringComparison.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
            if (Directory.Exists(store))
            {
                Directory.Delete(store, recursive: true);
            }
        }
    }

    [Fact]
    public void A_rule_configured_down_to_a_warning_no_longer_keeps_the_certificate_out_of_the_record()
    {
        var project = Project(options: c => c.Id == "director-dir01.contoso.com" ? new TestPki.Options { CrlDistributionPoint = false } : null);
        _dir.Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.CBT3110.severity = warning\ndotnet_diagnostic.CBT3115.severity = none\n");
        var build = InProcessBuild.Run(project);
        Assert.True(build.Succeeded, build.Describe());
        Assert.Contains("CBT3110", build.WarningCodes);
        using var plan = JsonDocument.Parse(File.ReadAllText(Bundle("plan.json")));
        var director = plan.RootElement.GetProperty("certificates").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "director-dir01.contoso.com");
        Assert.True(director.TryGetProperty("issued", out _));
        Assert.True(File.Exists(Bundle("servers/dir01.contoso.com/director-dir01.contoso.com.chain.p7b")));
    }
}
