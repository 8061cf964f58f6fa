namespace CertBuildTasks.Tests.Rules.Plan;

public class SanNameInvalidRuleTests
{
    [Fact]
    public void Sample_sans_are_valid() => Assert.Empty(SamplePlan.Run().Of("CBT2101"));

    [Fact]
    public void A_composed_name_over_253_characters_is_reported_with_its_reason()
    {
        // 240 characters is a valid SIP domain; lyncdiscoverinternal.<it> is not.
        var domain = string.Join('.', Enumerable.Repeat(new string('a', 59), 4)) + ".com";
        var plan = SamplePlan.Run(t =>
        {
            ((Newtonsoft.Json.Linq.JArray)t["sipDomains"]!).Add(domain);
            ((Newtonsoft.Json.Linq.JArray)t["simpleUrls"]!["meet"]!).Add(new Newtonsoft.Json.Linq.JObject { ["domain"] = domain, ["url"] = "https://" + domain });
        });
        var errors = plan.Of("CBT2101");
        Assert.NotEmpty(errors);
        Assert.Contains(errors, d => d.Message.Contains("lyncdiscoverinternal." + domain, StringComparison.Ordinal) && d.Message.Contains("253", StringComparison.Ordinal));
    }
}
