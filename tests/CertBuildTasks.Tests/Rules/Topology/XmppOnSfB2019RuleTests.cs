using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Topology;

public class XmppOnSfB2019RuleTests
{
    [Fact]
    public void Xmpp_on_sfb_2015_is_fine()
    {
        var topology = SampleInputs.Topology();
        topology["xmpp"] = true;
        Assert.Empty(Validate.Run(topology).Of("CBT1111"));
    }

    [Fact]
    public void Xmpp_on_sfb_2019_is_reported_at_the_switch()
    {
        var topology = SampleInputs.Topology();
        topology["xmpp"] = true;
        topology["productVersion"] = "SfB2019";
        var outcome = Validate.Run(topology);
        var d = Assert.Single(outcome.Of("CBT1111"));
        Assert.Equal(SampleInputs.LineOf(outcome.TopologyText, "\"xmpp\""), d.Location.Line);
    }
}
