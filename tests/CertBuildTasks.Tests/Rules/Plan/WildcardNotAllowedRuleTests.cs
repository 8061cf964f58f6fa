using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Plan;

public class WildcardNotAllowedRuleTests
{
    [Fact]
    public void Xmpp_root_domain_wildcard_on_the_edge_is_allowed()
    {
        Assert.Empty(SamplePlan.Run(t => t["xmpp"] = true).Of("CBT2106"));
    }

    [Fact]
    public void A_wildcard_additional_name_on_mediation_is_reported_at_the_policy_entry()
    {
        var plan = SamplePlan.Run(policy: p => p["certificates"] = new JObject { ["mediation"] = new JObject { ["additionalNames"] = new JArray("*.contoso.com") } });
        var errors = plan.Of("CBT2106");
        Assert.Equal(2, errors.Count); // both Mediation servers
        Assert.All(errors, d => Assert.EndsWith("policy.json", d.Location.FilePath, StringComparison.Ordinal));
    }
}
