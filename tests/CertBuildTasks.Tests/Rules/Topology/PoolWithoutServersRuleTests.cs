using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Topology;

public class PoolWithoutServersRuleTests
{
    [Fact]
    public void Sample_pools_have_servers() => Assert.Empty(Validate.Run(SampleInputs.Topology()).Of("CBT1104"));

    [Fact]
    public void An_enterprise_pool_with_an_empty_server_list_is_reported_at_its_fqdn()
    {
        var topology = SampleInputs.Topology();
        SampleInputs.Pool(topology, "Director")["servers"] = new JArray();
        var outcome = Validate.Run(topology);
        var d = Assert.Single(outcome.Of("CBT1104"));
        Assert.Equal(SampleInputs.LineOf(outcome.TopologyText, "\"dirpool.contoso.com\""), d.Location.Line);
    }

    [Fact]
    public void A_standard_edition_server_may_omit_its_server_list()
    {
        var topology = SampleInputs.Topology();
        SampleInputs.Pools(topology).Add(new JObject { ["fqdn"] = "se01.contoso.com", ["role"] = "StandardEdition", ["externalWebFqdn"] = "seext.contoso.com" });
        Assert.Empty(Validate.Run(topology).Of("CBT1104"));
    }
}
