using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Policy;

public class OAuthKeyTooSmallRuleTests
{
    [Fact]
    public void A_4096_bit_oauth_key_passes()
    {
        var policy = SampleInputs.Policy();
        policy["certificates"] = new JObject { ["oAuthTokenIssuer"] = new JObject { ["keySize"] = 4096 } };
        Assert.Empty(Validate.Run(SampleInputs.Topology(), policy).Of("CBT2005"));
    }

    [Fact]
    public void A_1024_bit_oauth_key_is_its_own_error_not_CBT2001()
    {
        var policy = SampleInputs.Policy();
        policy["certificates"] = new JObject { ["oAuthTokenIssuer"] = new JObject { ["keySize"] = 1024 } };
        var outcome = Validate.Run(SampleInputs.Topology(), policy);
        Assert.Single(outcome.Of("CBT2005"));
        Assert.Empty(outcome.Of("CBT2001"));
    }
}
