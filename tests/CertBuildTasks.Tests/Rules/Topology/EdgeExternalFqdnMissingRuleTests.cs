using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Topology;

public class EdgeExternalFqdnMissingRuleTests
{
    [Fact]
    public void Sample_edge_pool_has_all_external_fqdns() => Assert.Empty(Validate.Run(SampleInputs.Topology()).Of("CBT1110"));

    [Fact]
    public void A_missing_access_edge_fqdn_is_named()
    {
        var topology = SampleInputs.Topology();
        ((JObject)SampleInputs.Pool(topology, "Edge")["edge"]!).Remove("accessFqdn");
        var d = Assert.Single(Validate.Run(topology).Of("CBT1110"));
        Assert.Contains("accessFqdn", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("webConferencingFqdn", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edge_pool_without_an_edge_section_lists_all_three_names()
    {
        var topology = SampleInputs.Topology();
        SampleInputs.Pool(topology, "Edge").Remove("edge");
        var outcome = Validate.Run(topology);
        var d = Assert.Single(outcome.Of("CBT1110"));
        Assert.Contains("audioVideoFqdn", d.Message, StringComparison.Ordinal);
        Assert.Equal(SampleInputs.LineOf(outcome.TopologyText, "edgepool.contoso.com"), d.Location.Line);
    }
}
