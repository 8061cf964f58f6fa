using CertBuildTasks.Diagnostics;
using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Topology;

public class MeetUrlForUnknownDomainRuleTests
{
    [Fact]
    public void Sample_meet_urls_are_for_sip_domains() => Assert.Empty(Validate.Run(SampleInputs.Topology()).Of("CBT1115"));

    [Fact]
    public void A_meet_url_for_a_misspelt_domain_is_a_warning()
    {
        var topology = SampleInputs.Topology();
        ((JArray)topology["simpleUrls"]!["meet"]!).Add(new JObject { ["domain"] = "fabrikan.com", ["url"] = "https://meet.fabrikan.com" });
        var d = Assert.Single(Validate.Run(topology).Of("CBT1115"));
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
    }
}
