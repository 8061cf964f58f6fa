using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Topology;

public class DuplicateSipDomainRuleTests
{
    [Fact]
    public void Sample_sip_domains_are_distinct() => Assert.Empty(Validate.Run(SampleInputs.Topology()).Of("CBT1114"));

    [Fact]
    public void A_repeated_domain_is_reported_case_insensitively()
    {
        var topology = SampleInputs.Topology();
        ((JArray)topology["sipDomains"]!).Add("Fabrikam.com");
        var outcome = Validate.Run(topology);
        var d = Assert.Single(outcome.Of("CBT1114"));
        Assert.Equal(SampleInputs.LineOf(outcome.TopologyText, "\"Fabrikam.com\""), d.Location.Line);
    }
}
