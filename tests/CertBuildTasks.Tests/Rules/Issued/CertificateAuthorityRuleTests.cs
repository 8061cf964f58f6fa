using System.Security.Cryptography.X509Certificates;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Issued;

public sealed class CertificateAuthorityRuleTests : IssuedGateTestBase
{
    [Fact]
    public void A_front_end_certificate_that_is_a_ca_with_key_cert_sign_is_CBT3121()
    {
        var options = new TestPki.Options { CertificateAuthority = true, KeyUsage = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyCertSign };
        var d = Gate("frontend-fe01.contoso.com", options).Diagnostics.Single(x => x.Id == "CBT3121");
        Assert.Contains("basic constraints CA:TRUE", d.Message, StringComparison.Ordinal);
        Assert.Contains("KeyCertSign", d.Message, StringComparison.Ordinal);
        Assert.EndsWith("frontend-fe01.contoso.com.cer", d.Location.FilePath, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crl_signing_key_usage_alone_is_CBT3121_and_a_plain_server_certificate_is_not()
    {
        var crl = new TestPki.Options { KeyUsage = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.CrlSign };
        Assert.Contains(Gate("mediation-med01.contoso.com", crl).Diagnostics, d => d.Id == "CBT3121");
        Assert.DoesNotContain(Gate().Diagnostics, d => d.Id == "CBT3121");
    }
}
