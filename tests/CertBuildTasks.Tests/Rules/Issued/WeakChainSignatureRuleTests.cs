using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Issued;

public sealed class WeakChainSignatureRuleTests : IssuedGateTestBase
{
    [Fact]
    public void An_issuing_ca_signed_with_sha1_is_CBT3118_for_every_certificate_under_it_and_names_the_ca()
    {
        Pki.Dispose();
        Pki = new TestPki(intermediateDigest: "sha1");
        var result = Gate();
        var found = result.Diagnostics.Where(d => d.Id == "CBT3118").ToList();
        Assert.Equal(PlanUnderTest.Certificates.Length, found.Count);
        Assert.All(found, d => Assert.Contains("'CN=Contoso Test Issuing CA'", d.Message, StringComparison.Ordinal));
        Assert.All(found, d => Assert.Contains("SHA-1", d.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "CBT3101"); // the leaves themselves are SHA-256
    }

    [Fact]
    public void A_sound_chain_gives_no_CBT3118() =>
        Assert.DoesNotContain(Gate().Diagnostics, d => d.Id == "CBT3118");
}
