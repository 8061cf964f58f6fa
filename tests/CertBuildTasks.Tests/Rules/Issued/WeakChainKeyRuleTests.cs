using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Issued;

public sealed class WeakChainKeyRuleTests : IssuedGateTestBase
{
    [Fact]
    public void An_issuing_ca_with_a_1024_bit_key_is_CBT3119_for_every_certificate_under_it()
    {
        Pki.Dispose();
        Pki = new TestPki(intermediateKeySize: 1024);
        var result = Gate();
        var found = result.Diagnostics.Where(d => d.Id == "CBT3119").ToList();
        Assert.Equal(PlanUnderTest.Certificates.Length, found.Count);
        Assert.All(found, d => Assert.Contains("'CN=Contoso Test Issuing CA' in the chain", d.Message, StringComparison.Ordinal));
        Assert.All(found, d => Assert.Contains("1024-bit RSA key", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Two_thousand_forty_eight_bit_cas_give_no_CBT3119() =>
        Assert.DoesNotContain(Gate().Diagnostics, d => d.Id == "CBT3119");
}
