using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Topology;

public class DuplicateFqdnRuleTests
{
    [Fact]
    public void Sample_has_no_duplicate_fqdn() => Assert.Empty(Validate.Run(SampleInputs.Topology()).Of("CBT1101"));

    [Fact]
    public void Two_pools_with_one_fqdn_are_reported_at_the_second()
    {
        var topology = SampleInputs.Topology();
        SampleInputs.Pool(topology, "Mediation")["fqdn"] = "dirpool.contoso.com";
        SampleInputs.Pool(topology, "Mediation")["servers"] = new JArray("med01.contoso.com");
        var outcome = Validate.Run(topology);
        var d = Assert.Single(outcome.Of("CBT1101"));
        Assert.Contains("dirpool.contoso.com", d.Message, StringComparison.Ordinal);
        Assert.Equal(SampleInputs.LinesOf(outcome.TopologyText, "\"fqdn\": \"dirpool.contoso.com\"")[1], d.Location.Line);
    }

    [Fact]
    public void A_server_listed_twice_in_its_pool_is_reported_case_insensitively()
    {
        var topology = SampleInputs.Topology();
        ((JArray)SampleInputs.Pool(topology, "FrontEnd")["servers"]!).Add("FE02.contoso.com");
        var outcome = Validate.Run(topology);
        var d = Assert.Single(outcome.Of("CBT1101"));
        Assert.Equal(SampleInputs.LineOf(outcome.TopologyText, "FE02.contoso.com"), d.Location.Line);
    }
}
