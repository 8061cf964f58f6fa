namespace CertBuildTasks.Tests.Rules.Plan;

public class DuplicateFriendlyNameRuleTests
{
    [Fact]
    public void The_sample_pattern_gives_unique_names_per_server() => Assert.Empty(SamplePlan.Run().Of("CBT2108"));

    [Fact]
    public void A_pattern_without_kind_collides_on_edge_servers()
    {
        var plan = SamplePlan.Run(policy: p => p["friendlyName"] = "Lync {pool}");
        var d = Assert.Single(plan.Of("CBT2108"));
        Assert.Contains("edge01.contoso.com", d.Message, StringComparison.Ordinal);
        Assert.EndsWith("policy.json", d.Location.FilePath, StringComparison.Ordinal);
    }
}
