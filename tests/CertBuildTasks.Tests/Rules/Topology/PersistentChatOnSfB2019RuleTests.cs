using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Topology;

public class PersistentChatOnSfB2019RuleTests
{
    private static JObject WithPersistentChat(string version)
    {
        var topology = SampleInputs.Topology();
        topology["productVersion"] = version;
        SampleInputs.Pools(topology).Add(new JObject { ["fqdn"] = "pchat.contoso.com", ["role"] = "PersistentChat", ["servers"] = new JArray("pc01.contoso.com") });
        return topology;
    }

    [Fact]
    public void Persistent_chat_on_lync_2013_is_fine() => Assert.Empty(Validate.Run(WithPersistentChat("Lync2013")).Of("CBT1112"));

    [Fact]
    public void Persistent_chat_on_sfb_2019_is_reported_at_the_role()
    {
        var outcome = Validate.Run(WithPersistentChat("SfB2019"));
        var d = Assert.Single(outcome.Of("CBT1112"));
        Assert.Equal(SampleInputs.LineOf(outcome.TopologyText, "\"PersistentChat\""), d.Location.Line);
    }
}
