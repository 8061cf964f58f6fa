using System.Security.Cryptography;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Tests.Rules.Issued;

public sealed class ChainNotTrustedRuleTests : IssuedGateTestBase
{
    [Fact]
    public void A_certificate_from_another_ca_is_CBT3113()
    {
        using var other = new TestPki("Fabrikam");
        var inputs = PlanUnderTest.Certificates.Select(c => new IssuedStage.Input(TestPki.Write(Dir.File($"issued/{c.Id}.cer"), (c.Id == "frontend-fe02.contoso.com" ? other : Pki).Issue(c)), null)).ToList();
        var result = IssuedStage.Run(PlanUnderTest, inputs, Roots(), Now, false, new Dictionary<string, byte[]>());
        Only(result, "CBT3113", "frontend-fe02.contoso.com.cer");
    }

    [Fact]
    public void An_expired_intermediate_breaks_the_chain_even_when_the_leaf_is_valid()
    {
        var c = Planned("frontend-fe01.contoso.com");
        var now = DateTimeOffset.UtcNow;
        using var caKey = RSA.Create(2048);
        var caRequest = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Expired Issuing CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new System.Security.Cryptography.X509Certificates.X509BasicConstraintsExtension(true, false, 0, true));
        using var rootKey = RSA.Create(2048);
        var rootRequest = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Old Root", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new System.Security.Cryptography.X509Certificates.X509BasicConstraintsExtension(true, false, 0, true));
        using var root = rootRequest.CreateSelfSigned(now.AddYears(-5), now.AddYears(5));
        using var ca = caRequest.Create(root, now.AddYears(-4), now.AddDays(-1), [9]);
        using var leafKey = RSA.Create(2048);
        var leafRequest = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=" + c.SubjectName, leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var sans = new System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder();
        foreach (var name in c.SanNames)
        {
            sans.AddDnsName(name);
        }

        leafRequest.CertificateExtensions.Add(sans.Build());
        leafRequest.CertificateExtensions.Add(new System.Security.Cryptography.X509Certificates.X509EnhancedKeyUsageExtension([new Oid(EnhancedKeyUsageOids.ServerAuthentication)], false));
        leafRequest.CertificateExtensions.Add(System.Security.Cryptography.X509Certificates.CertificateRevocationListBuilder.BuildCrlDistributionPointExtension(["http://pki.example.test/x.crl"]));
        var signer = System.Security.Cryptography.X509Certificates.X509SignatureGenerator.CreateForRSA(caKey, RSASignaturePadding.Pkcs1);
        using var leaf = leafRequest.Create(ca.SubjectName, signer, now.AddDays(-3), now.AddYears(1), [1, 2]);
        var file = TestPki.Write(Dir.File("issued/" + c.Id + ".cer"), leaf, ca);
        var rootFile = TestPki.Write(Dir.File("roots/old-root.cer"), root);
        var result = IssuedStage.Run(PlanUnderTest, [new(file, null)], [new(rootFile, null, null)], Now, false, new Dictionary<string, byte[]>());
        var d = Assert.Single(result.Diagnostics, x => x.Id == "CBT3113");
        Assert.Contains("Expired Issuing CA", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, x => x.Id == "CBT3111"); // the leaf itself is valid
    }

    [Fact]
    public void An_intermediate_restricted_to_client_authentication_breaks_the_chain()
    {
        var c = Planned("director-dir02.contoso.com");
        var now = DateTimeOffset.UtcNow;
        using var caKey = RSA.Create(2048);
        var caRequest = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Client Only CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new System.Security.Cryptography.X509Certificates.X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new System.Security.Cryptography.X509Certificates.X509EnhancedKeyUsageExtension([new Oid(EnhancedKeyUsageOids.ClientAuthentication)], false));
        using var rootKey = RSA.Create(2048);
        var rootRequest = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Restricting Root", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new System.Security.Cryptography.X509Certificates.X509BasicConstraintsExtension(true, false, 0, true));
        using var root = rootRequest.CreateSelfSigned(now.AddYears(-5), now.AddYears(5));
        using var ca = caRequest.Create(root, now.AddYears(-1), now.AddYears(3), [9]);
        using var leafKey = RSA.Create(2048);
        var leafRequest = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=" + c.SubjectName, leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var sans = new System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder();
        foreach (var name in c.SanNames)
        {
            sans.AddDnsName(name);
        }

        leafRequest.CertificateExtensions.Add(sans.Build());
        leafRequest.CertificateExtensions.Add(new System.Security.Cryptography.X509Certificates.X509EnhancedKeyUsageExtension([new Oid(EnhancedKeyUsageOids.ServerAuthentication)], false));
        leafRequest.CertificateExtensions.Add(System.Security.Cryptography.X509Certificates.CertificateRevocationListBuilder.BuildCrlDistributionPointExtension(["http://pki.example.test/x.crl"]));
        var signer = System.Security.Cryptography.X509Certificates.X509SignatureGenerator.CreateForRSA(caKey, RSASignaturePadding.Pkcs1);
        using var leaf = leafRequest.Create(ca.SubjectName, signer, now.AddDays(-3), now.AddYears(1), [1, 3]);
        var file = TestPki.Write(Dir.File("issued/" + c.Id + ".cer"), leaf, ca);
        var rootFile = TestPki.Write(Dir.File("roots/restricting-root.cer"), root);
        var result = IssuedStage.Run(PlanUnderTest, [new(file, null)], [new(rootFile, null, null)], Now, false, new Dictionary<string, byte[]>());
        Assert.Contains("Client Only CA: NotValidForUsage", Assert.Single(result.Diagnostics, x => x.Id == "CBT3113").Message, StringComparison.Ordinal);
    }
}
