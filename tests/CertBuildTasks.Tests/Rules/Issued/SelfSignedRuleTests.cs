using System.Security.Cryptography;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Tests.Rules.Issued;

public sealed class SelfSignedRuleTests : IssuedGateTestBase
{
    [Fact]
    public void A_self_signed_certificate_is_CBT3117() =>
        Only(Gate("mediation-med01.contoso.com", new() { SelfSigned = true }), "CBT3117", "mediation-med01.contoso.com.cer");

    [Fact]
    public void A_self_signed_certificate_marked_as_a_ca_is_still_judged()
    {
        var c = Planned("mediation-med02.contoso.com");
        using var key = RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=" + c.SubjectName, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new System.Security.Cryptography.X509Certificates.X509BasicConstraintsExtension(true, false, 0, true));
        var sans = new System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder();
        foreach (var name in c.SanNames)
        {
            sans.AddDnsName(name);
        }

        request.CertificateExtensions.Add(sans.Build());
        using var selfSigned = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var file = TestPki.Write(Dir.File("issued/openssl-style.cer"), selfSigned);
        var result = IssuedStage.Run(PlanUnderTest, [new(file, null)], Roots(), Now, false, new Dictionary<string, byte[]>());
        Assert.Contains(result.Diagnostics, d => d.Id == "CBT3117" && d.Severity == DiagnosticSeverity.Error);
    }
}
