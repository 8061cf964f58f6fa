using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Topology;

public class ExternalWebFqdnNotUniqueRuleTests
{
    [Fact]
    public void Sample_external_web_fqdns_are_unique() => Assert.Empty(Validate.Run(SampleInputs.Topology()).Of("CBT1105"));

    [Fact]
    public void Two_front_end_pools_sharing_an_external_web_fqdn_are_reported()
    {
        var topology = SampleInputs.Topology();
        SampleInputs.Pools(topology).Add(new JObject
        {
            ["fqdn"] = "pool02.contoso.com",
            ["role"] = "FrontEnd",
            ["servers"] = new JArray("fe11.contoso.com"),
            ["externalWebFqdn"] = "WebExt.contoso.com",
        });
        var outcome = Validate.Run(topology);
        var d = Assert.Single(outcome.Of("CBT1105"));
        Assert.Equal(SampleInputs.LineOf(outcome.TopologyText, "WebExt.contoso.com"), d.Location.Line);
        Assert.Empty(outcome.Of("CBT1106"));
    }
}
