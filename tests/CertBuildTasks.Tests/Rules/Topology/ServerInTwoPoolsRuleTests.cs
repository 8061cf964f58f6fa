using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Topology;

public class ServerInTwoPoolsRuleTests
{
    [Fact]
    public void Sample_servers_belong_to_one_pool_each() => Assert.Empty(Validate.Run(SampleInputs.Topology()).Of("CBT1103"));

    [Fact]
    public void A_server_in_two_pools_is_reported_in_the_second_pool()
    {
        var topology = SampleInputs.Topology();
        ((JArray)SampleInputs.Pool(topology, "Mediation")["servers"]!).Add("fe03.contoso.com");
        var outcome = Validate.Run(topology);
        var d = Assert.Single(outcome.Of("CBT1103"));
        Assert.Contains("pool01.contoso.com", d.Message, StringComparison.Ordinal);
        Assert.Contains("medpool.contoso.com", d.Message, StringComparison.Ordinal);
        Assert.True(d.Location.Line > SampleInputs.LineOf(outcome.TopologyText, "medpool.contoso.com"));
    }
}
