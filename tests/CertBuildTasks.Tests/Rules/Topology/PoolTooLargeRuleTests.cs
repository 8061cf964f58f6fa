using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Topology;

public class PoolTooLargeRuleTests
{
    private static JObject WithServers(string role, int count, string version = "SfB2015")
    {
        var topology = SampleInputs.Topology();
        topology["productVersion"] = version;
        var pool = role == "PersistentChat"
            ? AddPool(topology, "pchatpool.contoso.com", role)
            : SampleInputs.Pool(topology, role);
        pool["servers"] = new JArray(Enumerable.Range(1, count).Select(i => $"{role.ToLowerInvariant()}{i:D2}.contoso.com"));
        return topology;
    }

    private static JObject AddPool(JObject topology, string fqdn, string role)
    {
        var pool = new JObject { ["fqdn"] = fqdn, ["role"] = role };
        SampleInputs.Pools(topology).Add(pool);
        return pool;
    }

    [Fact]
    public void The_sample_pools_are_within_the_supported_sizes() => Assert.Empty(Validate.Run(SampleInputs.Topology()).Of("CBT1120"));

    [Theory]
    [InlineData("Lync2013", 12, false)]
    [InlineData("Lync2013", 13, true)]
    [InlineData("SfB2015", 12, false)]
    [InlineData("SfB2015", 13, true)]
    [InlineData("SfB2019", 16, false)]
    [InlineData("SfB2019", 17, true)]
    public void A_front_end_pool_beyond_the_documented_maximum_is_reported_at_its_fqdn(string version, int servers, bool reported)
    {
        var outcome = Validate.Run(WithServers("FrontEnd", servers, version));
        if (!reported)
        {
            Assert.Empty(outcome.Of("CBT1120"));
            return;
        }

        var d = Assert.Single(outcome.Of("CBT1120"));
        Assert.Equal(SampleInputs.LineOf(outcome.TopologyText, "\"pool01.contoso.com\""), d.Location.Line);
        Assert.Contains($"has {servers} servers", d.Message, StringComparison.Ordinal);
        Assert.Contains($"at most {(version == "SfB2019" ? 16 : 12)}", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_persistent_chat_pool_of_nine_servers_is_reported_and_eight_are_not()
    {
        Assert.Empty(Validate.Run(WithServers("PersistentChat", 8, "Lync2013")).Of("CBT1120"));
        var d = Assert.Single(Validate.Run(WithServers("PersistentChat", 9, "Lync2013")).Of("CBT1120"));
        Assert.Contains("'pchatpool.contoso.com' has 9 servers", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Roles_without_a_documented_maximum_are_left_to_CBT1121()
    {
        // Microsoft documents no per-pool maximum for Directors or Mediation pools: 30 is not CBT1120.
        Assert.Empty(Validate.Run(WithServers("Director", 30)).Of("CBT1120"));
    }
}
