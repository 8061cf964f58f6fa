using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Topology;

public class InternalWebOverrideOnStandardEditionRuleTests
{
    [Fact]
    public void An_enterprise_pool_may_override_its_internal_web_fqdn()
    {
        var topology = SampleInputs.Topology();
        SampleInputs.Pool(topology, "FrontEnd")["internalWebFqdn"] = "webint.contoso.com";
        Assert.Empty(Validate.Run(topology).Of("CBT1109"));
    }

    [Fact]
    public void A_standard_edition_override_is_reported_at_the_override()
    {
        var topology = SampleInputs.Topology();
        SampleInputs.Pools(topology).Add(new JObject { ["fqdn"] = "se01.contoso.com", ["role"] = "StandardEdition", ["internalWebFqdn"] = "seweb.contoso.com" });
        var outcome = Validate.Run(topology);
        var d = Assert.Single(outcome.Of("CBT1109"));
        Assert.Equal(SampleInputs.LineOf(outcome.TopologyText, "seweb.contoso.com"), d.Location.Line);
    }
}
