using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Topology;

public class DirectorExternalWebFqdnRuleTests
{
    [Fact]
    public void Sample_director_has_its_own_external_web_fqdn() => Assert.Empty(Validate.Run(SampleInputs.Topology()).Of("CBT1106"));

    [Fact]
    public void A_director_reusing_the_front_end_external_web_fqdn_is_reported_once()
    {
        var topology = SampleInputs.Topology();
        SampleInputs.Pool(topology, "Director")["externalWebFqdn"] = "webext.contoso.com";
        var outcome = Validate.Run(topology);
        var d = Assert.Single(outcome.Of("CBT1106"));
        Assert.Contains("pool01.contoso.com", d.Message, StringComparison.Ordinal);
        Assert.Empty(outcome.Of("CBT1105"));
    }
}
