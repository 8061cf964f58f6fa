using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Topology;

public class SipDomainWithoutMeetUrlRuleTests
{
    [Fact]
    public void Sample_has_a_meet_url_for_every_sip_domain() => Assert.Empty(Validate.Run(SampleInputs.Topology()).Of("CBT1107"));

    [Fact]
    public void A_new_sip_domain_without_meet_url_is_reported_at_the_domain()
    {
        var topology = SampleInputs.Topology();
        ((JArray)topology["sipDomains"]!).Add("tailspintoys.com");
        var outcome = Validate.Run(topology);
        var d = Assert.Single(outcome.Of("CBT1107"));
        Assert.Equal(SampleInputs.LineOf(outcome.TopologyText, "\"tailspintoys.com\""), d.Location.Line);
    }

    [Fact]
    public void A_site_with_its_own_simple_urls_must_cover_every_domain_too()
    {
        var topology = SampleInputs.Topology();
        topology["sites"]![0]!["simpleUrls"] = new JObject
        {
            ["meet"] = new JArray(new JObject { ["domain"] = "contoso.com", ["url"] = "https://meet-redmond.contoso.com" }),
        };
        var d = Assert.Single(Validate.Run(topology).Of("CBT1107"));
        Assert.Contains("fabrikam.com", d.Message, StringComparison.Ordinal);
        Assert.Contains("Redmond", d.Message, StringComparison.Ordinal);
    }
}
