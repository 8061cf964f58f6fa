using CertBuildTasks.Rules.Plan;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Plan;

public class WildcardSubjectRuleTests
{
    [Fact]
    public void Sample_subjects_are_explicit() => Assert.Empty(SamplePlan.Run().Of("CBT2104"));

    [Fact]
    public void A_wildcard_access_edge_fqdn_becomes_a_wildcard_subject_and_is_reported()
    {
        // CBT1102 rejects it during validation too; the plan rule is the last fence if that is silenced.
        var plan = SamplePlan.Run(t => SampleInputs.Pool(t, "Edge")["edge"]!["accessFqdn"] = "*.contoso.com");
        Assert.Contains(plan.Of("CBT2104"), d => d.Message.Contains("edge-external-edgepool.contoso.com", StringComparison.Ordinal));
        Assert.Equal("CBT2104", new WildcardSubjectRule().Descriptor.Id);
    }
}
