using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Policy;

public class KeySizeTooSmallRuleTests
{
    [Fact]
    public void A_2048_bit_policy_passes() => Assert.Empty(Validate.Run(SampleInputs.Topology(), SampleInputs.Policy()).Of("CBT2001"));

    [Fact]
    public void A_1024_bit_policy_is_an_error_at_keySize()
    {
        var policy = SampleInputs.Policy();
        policy["keySize"] = 1024;
        var outcome = Validate.Run(SampleInputs.Topology(), policy);
        var d = Assert.Single(outcome.Of("CBT2001"));
        Assert.Equal(SampleInputs.LineOf(outcome.PolicyText, "\"keySize\""), d.Location.Line);
    }

    [Fact]
    public void A_kind_override_below_2048_is_reported_at_the_override()
    {
        var policy = SampleInputs.Policy();
        policy["certificates"] = new JObject { ["mediation"] = new JObject { ["keySize"] = 1024 } };
        var outcome = Validate.Run(SampleInputs.Topology(), policy);
        var d = Assert.Single(outcome.Of("CBT2001"));
        Assert.Contains("mediation", d.Message, StringComparison.Ordinal);
        Assert.Equal(SampleInputs.LinesOf(outcome.PolicyText, "\"keySize\"")[1], d.Location.Line);
    }
}
