using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Plan;

public class SubjectRequiredTwiceRuleTests
{
    [Fact]
    public void Members_of_one_pool_share_the_pool_subject_by_design() => Assert.Empty(SamplePlan.Run().Of("CBT2103"));

    [Fact]
    public void An_access_edge_fqdn_equal_to_a_pool_fqdn_is_reported()
    {
        var plan = SamplePlan.Run(t => SampleInputs.Pool(t, "Edge")["edge"]!["accessFqdn"] = "medpool.contoso.com");
        var d = Assert.Single(plan.Of("CBT2103"));
        Assert.Contains("medpool.contoso.com", d.Message, StringComparison.Ordinal);
    }
}
