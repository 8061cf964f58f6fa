using CertBuildTasks.Generation;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Generation;

public class CertreqInfTests
{
    private static readonly string[] NewRequestKeys =
    [
        "Subject", "FriendlyName", "KeyAlgorithm", "KeyLength", "KeySpec", "KeyUsage", "Exportable", "MachineKeySet", "SMIME",
        "PrivateKeyArchive", "UserProtected", "UseExistingKeySet", "ProviderName", "ProviderType", "RequestType", "HashAlgorithm",
        "AlternateSignatureAlgorithm",
    ];

    [Fact]
    public void Every_planned_certificate_has_an_inf_that_says_what_the_plan_says()
    {
        var outcome = Generate.Run(SampleInputs.Policy());
        foreach (var c in outcome.Plan.Certificates)
        {
            var inf = InfDocument.Parse(outcome.Text(BundlePaths.Inf(c)));
            Assert.Equal("$Windows NT$", inf.Value("Version", "Signature"));
            Assert.Equal(NewRequestKeys, inf.Keys("NewRequest"));
            var subject = InfDocument.ParseSubject(inf.Value("NewRequest", "Subject"));
            Assert.Equal(("CN", c.SubjectName), subject[0]);
            // Public CAs may not carry OU (CA/Browser Forum baseline requirements since 2022).
            Assert.Equal(c.CertificateAuthority == AuthorityKind.Internal ? ["CN", "OU", "O", "L", "S", "C"] : ["CN", "O", "L", "S", "C"], subject.Select(s => s.Key));
            Assert.Equal(c.FriendlyName, inf.Value("NewRequest", "FriendlyName"));
            Assert.Equal(c.KeySize.ToString(System.Globalization.CultureInfo.InvariantCulture), inf.Value("NewRequest", "KeyLength"));
            Assert.Equal(c.ExportablePrivateKey ? "TRUE" : "FALSE", inf.Value("NewRequest", "Exportable"));
            Assert.Equal("sha256", inf.Value("NewRequest", "HashAlgorithm"));
            Assert.Equal("PKCS10", inf.Value("NewRequest", "RequestType"));
            Assert.Equal("Microsoft RSA SChannel Cryptographic Provider", inf.Value("NewRequest", "ProviderName"));
            Assert.Equal("TRUE", inf.Value("NewRequest", "MachineKeySet"));
            // The reverse proxy also asks for Client Authentication (Microsoft's reverse proxy procedure).
            Assert.Equal(
                c.Kind == CertificateKind.ReverseProxy ? [EnhancedKeyUsageOids.ServerAuthentication, EnhancedKeyUsageOids.ClientAuthentication] : c.EnhancedKeyUsages.ToArray(),
                inf.Values("EnhancedKeyUsageExtension", "OID"));
            Assert.Equal("{text}", inf.Value("Extensions", "2.5.29.17"));
            Assert.Equal(c.SanNames.Select(n => "dns=" + n + "&"), inf.Values("Extensions", "_continue_"));
            if (c.CertificateAuthority == AuthorityKind.Internal)
            {
                Assert.Equal("WebServer", inf.Value("RequestAttributes", "CertificateTemplate"));
            }
            else
            {
                Assert.Empty(inf.Keys("RequestAttributes"));
            }
        }
    }

    [Fact]
    public void Infs_are_ascii_with_crlf_and_identical_for_identical_inputs()
    {
        var first = Generate.Run(SampleInputs.Policy());
        var second = Generate.Run(SampleInputs.Policy());
        Assert.Equal(first.Files.Select(f => f.RelativePath), second.Files.Select(f => f.RelativePath));
        foreach (var (a, b) in first.Files.Zip(second.Files))
        {
            Assert.Equal(a.Content, b.Content);
        }

        var inf = first.File("servers/edge01.contoso.com/edge-external-edgepool.contoso.com.inf").Content;
        Assert.All(inf, b => Assert.True(b < 0x80));
        Assert.Contains("\r\n", System.Text.Encoding.ASCII.GetString(inf), StringComparison.Ordinal);
    }

    [Fact]
    public void A_plus_in_a_subject_value_sets_the_no_plus_flag()
    {
        var policy = SampleInputs.Policy();
        policy["subject"]!["organization"] = "Contoso+Fabrikam";
        var outcome = Generate.Run(policy);
        var inf = InfDocument.Parse(outcome.Text("servers/fe01.contoso.com/frontend-fe01.contoso.com.inf"));
        Assert.Equal("0x20000000", inf.Value("NewRequest", "X500NameFlags"));
        Assert.Contains(("O", "Contoso+Fabrikam"), InfDocument.ParseSubject(inf.Value("NewRequest", "Subject")));
    }

    [Fact]
    public void The_client_authentication_eku_appears_when_the_plan_has_it()
    {
        var policy = SampleInputs.Policy();
        policy["publicImConnectivity"] = true;
        var inf = InfDocument.Parse(Generate.Run(policy).Text("servers/edge01.contoso.com/edge-external-edgepool.contoso.com.inf"));
        Assert.Equal([EnhancedKeyUsageOids.ServerAuthentication, EnhancedKeyUsageOids.ClientAuthentication], inf.Values("EnhancedKeyUsageExtension", "OID"));
    }
}
