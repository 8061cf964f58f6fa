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

    [Fact]
    public void A_wildcard_additional_name_on_front_end_web_needs_the_wildcard_policy()
    {
        static void AddWildcard(JObject p) => p["certificates"] = new JObject { ["frontEnd"] = new JObject { ["additionalNames"] = new JArray("*.contoso.com") } };
        Assert.Equal(3, SamplePlan.Run(policy: AddWildcard).Of("CBT2106").Count);
        Assert.Empty(SamplePlan.Run(policy: p => { AddWildcard(p); p["wildcards"]!["simpleUrls"] = true; }).Of("CBT2106"));
    }

    [Fact]
    public void The_wildcard_policy_never_allows_wildcards_on_a_default_only_certificate()
    {
        var plan = SamplePlan.Run(policy: p =>
        {
            p["wildcards"]!["simpleUrls"] = true;
            p["layout"]!["webServices"] = "separate";
            p["certificates"] = new JObject { ["frontEnd"] = new JObject { ["additionalNames"] = new JArray("*.contoso.com") } };
        });
        var errors = plan.Of("CBT2106");
        Assert.Equal(3, errors.Count);
        Assert.All(errors, d => Assert.Contains("frontend-default-", d.Message, StringComparison.Ordinal));
    }
}
