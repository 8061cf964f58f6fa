using CertBuildTasks.Rules.Topology;
using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Topology;

public class TopologyBeyondLimitsRuleTests
{
    [Fact]
    public void The_sample_is_within_every_limit() => Assert.Empty(Validate.Run(SampleInputs.Topology()).Of("CBT1121"));

    [Fact]
    public void A_pool_of_101_servers_is_reported_at_its_fqdn_and_cannot_be_configured_away()
    {
        var topology = SampleInputs.Topology();
        SampleInputs.Pool(topology, "Director")["servers"] = new JArray(Enumerable.Range(0, 101).Select(i => $"dir{i}.contoso.com"));
        var outcome = Validate.Run(topology);
        var d = Assert.Single(outcome.Of("CBT1121"));
        Assert.Equal(SampleInputs.LineOf(outcome.TopologyText, "\"dirpool.contoso.com\""), d.Location.Line);
        Assert.Contains("'dirpool.contoso.com' has too many servers (101); the limit is 100", d.Message, StringComparison.Ordinal);
        Assert.False(TopologyBeyondLimitsRule.Rule.IsConfigurable);

        // 100 is not beyond it.
        SampleInputs.Pool(topology, "Director")["servers"] = new JArray(Enumerable.Range(0, 100).Select(i => $"dir{i}.contoso.com"));
        Assert.Empty(Validate.Run(topology).Of("CBT1121"));
    }

    [Fact]
    public void More_than_1000_sip_domains_are_reported_at_the_first_one_beyond()
    {
        var topology = SampleInputs.Topology();
        var domains = Enumerable.Range(0, 1001).Select(i => i == 0 ? "contoso.com" : $"d{i}.example.com").ToList();
        topology["sipDomains"] = new JArray(domains);
        topology["simpleUrls"]!["meet"] = new JArray(domains.Select(x => new JObject { ["domain"] = x, ["url"] = "https://meet." + x }));
        var outcome = Validate.Run(topology);
        var d = Assert.Single(outcome.Of("CBT1121"));
        Assert.Contains("too many SIP domains (1,001); the limit is 1,000", d.Message, StringComparison.Ordinal);
        Assert.Equal(SampleInputs.LineOf(outcome.TopologyText, "\"d1000.example.com\""), d.Location.Line);
    }

    [Fact]
    public void More_than_100000_servers_in_all_are_reported_at_the_topology()
    {
        // 1,001 Director pools of 100 servers: each within the pool limit, 100,100 in all.
        var topology = SampleInputs.Topology();
        var pools = SampleInputs.Pools(topology);
        for (var p = 0; p < 1001; p++)
        {
            pools.Add(new JObject
            {
                ["fqdn"] = $"dirpool{p}.contoso.com",
                ["role"] = "Director",
                ["servers"] = new JArray(Enumerable.Range(0, 100).Select(i => $"d{p}-{i}.contoso.com")),
            });
        }

        var d = Assert.Single(Validate.Run(topology).Of("CBT1121"));
        Assert.Contains("too many servers (100,", d.Message, StringComparison.Ordinal);
        Assert.Contains("the limit is 100,000", d.Message, StringComparison.Ordinal);
    }
}
