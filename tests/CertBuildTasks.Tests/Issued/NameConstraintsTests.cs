using CertBuildTasks.Diagnostics;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Issued;

/// <summary>
/// A root that may certify only some DNS names (RFC 5280 name constraints): a certificate outside them
/// is refused with the CA that limits it and the names it does not allow, not a bare platform status.
/// </summary>
public sealed class NameConstraintsTests : IssuedGateTestBase
{
    [Fact]
    public void A_root_limited_to_contoso_com_refuses_the_fabrikam_names_and_says_which()
    {
        Pki.Dispose();
        Pki = new TestPki(rootPermittedDnsNames: ["contoso.com"]);
        var refused = Gate().Diagnostics.Where(d => d.Id == "CBT3113").ToList();
        var director = Assert.Single(refused, d => d.Location.FilePath.EndsWith("director-dir01.contoso.com.cer", StringComparison.Ordinal));
        Assert.Contains("the CA 'CN=Contoso Test Root' may certify only names under contoso.com (name constraints)", director.Message, StringComparison.Ordinal);
        Assert.Contains("meet.fabrikam.com", director.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("dir01.contoso.com,", director.Message, StringComparison.Ordinal);

        // The Mediation certificate names only contoso.com: within the constraints, it chains.
        Assert.DoesNotContain(refused, d => d.Location.FilePath.EndsWith("mediation-med01.contoso.com.cer", StringComparison.Ordinal));
    }

    [Fact]
    public void A_root_that_permits_every_sip_domain_passes_the_whole_plan()
    {
        Pki.Dispose();
        Pki = new TestPki(rootPermittedDnsNames: ["contoso.com", "fabrikam.com"]);
        Assert.DoesNotContain(Gate().Diagnostics, d => d.Id == "CBT3113" || d.Severity == DiagnosticSeverity.Error);
    }
}
