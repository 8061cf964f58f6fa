using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Deployed;

public sealed class DeployedUsageUnplannedRuleTests : DeployedTestBase
{
    [Fact]
    public void A_usage_on_a_server_the_plan_does_not_give_it_is_a_CBT5004_warning()
    {
        var set = HealthySet();
        var edge = EntryFor(set, "edge02.contoso.com", "Internal");
        edge["Use"] = "Internal,Default";

        var d = Only(Check(set), "CBT5004");

        Assert.Contains("Default on 'edge02.contoso.com'", d.Message, StringComparison.Ordinal);
    }
}
