using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Deployed;

public sealed class DeployedSanMissingRuleTests : DeployedTestBase
{
    [Fact]
    public void A_name_the_plan_now_requires_is_a_CBT5003_error_with_the_reason()
    {
        var set = HealthySet();
        var entry = EntryFor(set, "fe01.contoso.com", "Default");
        var names = (JArray)entry["AlternativeNames"]!;
        names.Where(n => (string)n! == "meet.fabrikam.com").ToList().ForEach(n => n.Remove());

        var d = Only(Check(set), "CBT5003");

        Assert.Contains("'meet.fabrikam.com'", d.Message, StringComparison.Ordinal);
        Assert.Contains("meet simple URL", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deployed_wildcard_covers_one_label_and_dns_name_prefixes_are_understood()
    {
        var set = HealthySet();
        var entry = EntryFor(set, "fe01.contoso.com", "Default");
        var names = ((JArray)entry["AlternativeNames"]!).Select(n => (string)n!).Where(n => !n.StartsWith("meet.", StringComparison.Ordinal)).ToList();
        entry["AlternativeNames"] = new JArray(names.Select(n => "DNS Name=" + n).Append("*.contoso.com").Append("*.fabrikam.com"));

        Assert.DoesNotContain(Check(set), d => d.Id == "CBT5003");
    }

    [Fact]
    public void A_name_in_the_subject_only_counts_as_an_edge_internal_certificate_may_carry_it()
    {
        var set = HealthySet();
        foreach (var edge in set.Where(e => ((string)e["Use"]!) == "Internal"))
        {
            edge["AlternativeNames"] = new JArray();
        }

        Assert.DoesNotContain(Check(set), d => d.Id == "CBT5003");
    }
}
