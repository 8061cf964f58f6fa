using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Policy;

public class KeyAlgorithmNotRsaCspRuleTests
{
    [Fact]
    public void Rsa_in_the_schannel_csp_passes() => Assert.Empty(Validate.Run(SampleInputs.Topology(), SampleInputs.Policy()).Of("CBT2004"));

    [Fact]
    public void Ecdh_is_reported()
    {
        var policy = SampleInputs.Policy();
        policy["keyAlgorithm"] = "ECDH_P256";
        Assert.Contains("only RSA", Assert.Single(Validate.Run(SampleInputs.Topology(), policy).Of("CBT2004")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cng_key_storage_provider_is_reported()
    {
        var policy = SampleInputs.Policy();
        policy["cryptoProvider"] = "Microsoft Software Key Storage Provider";
        var outcome = Validate.Run(SampleInputs.Topology(), policy);
        var d = Assert.Single(outcome.Of("CBT2004"));
        Assert.Equal(SampleInputs.LineOf(outcome.PolicyText, "\"cryptoProvider\""), d.Location.Line);
    }
}
