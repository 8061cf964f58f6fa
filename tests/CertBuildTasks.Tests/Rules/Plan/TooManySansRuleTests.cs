using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Plan;

public class TooManySansRuleTests
{
    [Fact]
    public void Sample_certificates_are_well_below_the_limit() => Assert.Empty(SamplePlan.Run().Of("CBT2102"));

    [Fact]
    public void Thirty_sip_domains_overflow_the_front_end_certificate()
    {
        var plan = SamplePlan.Run(t =>
        {
            for (var i = 0; i < 30; i++)
            {
                ((JArray)t["sipDomains"]!).Add($"d{i}.example.com");
                ((JArray)t["simpleUrls"]!["meet"]!).Add(new JObject { ["domain"] = $"d{i}.example.com", ["url"] = $"https://meet.d{i}.example.com" });
            }
        });
        Assert.Contains(plan.Of("CBT2102"), d => d.Message.Contains("frontend-fe01.contoso.com", StringComparison.Ordinal));
        Assert.Equal(CertBuildTasks.Diagnostics.DiagnosticSeverity.Warning, plan.Of("CBT2102")[0].Severity);
    }
}
