namespace CertBuildTasks.Tests.Rules.Plan;

public class WildcardOnDefaultUsageRuleTests
{
    [Fact]
    public void No_wildcards_no_warning() => Assert.Empty(SamplePlan.Run().Of("CBT2105"));

    [Fact]
    public void Separate_web_layout_keeps_wildcards_off_the_default_certificate()
    {
        var plan = SamplePlan.Run(policy: p =>
        {
            p["wildcards"]!["simpleUrls"] = true;
            p["layout"]!["webServices"] = "separate";
        });
        Assert.Empty(plan.Of("CBT2105"));
    }

    [Fact]
    public void Combined_layout_with_wildcards_warns_once_per_pool_at_the_policy_setting()
    {
        var plan = SamplePlan.Run(policy: p => p["wildcards"]!["simpleUrls"] = true);
        var warnings = plan.Of("CBT2105");
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, d => Assert.EndsWith("policy.json", d.Location.FilePath, StringComparison.Ordinal));
    }
}
