using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Topology;

public class StrictDnsSignInPoolUnknownRuleTests
{
    [Fact]
    public void A_front_end_pool_is_a_valid_sign_in_pool()
    {
        var topology = SampleInputs.Topology();
        topology["strictDnsSignInPool"] = "pool01.contoso.com";
        Assert.Empty(Validate.Run(topology).Of("CBT1113"));
    }

    [Theory]
    [InlineData("pool99.contoso.com", "not a pool")]
    [InlineData("edgepool.contoso.com", "role is Edge")]
    public void Unknown_or_wrong_role_pools_are_reported(string pool, string reason)
    {
        var topology = SampleInputs.Topology();
        topology["strictDnsSignInPool"] = pool;
        var d = Assert.Single(Validate.Run(topology).Of("CBT1113"));
        Assert.Contains(reason, d.Message, StringComparison.Ordinal);
    }
}
