using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Topology;

public class SettingIgnoredForRoleRuleTests
{
    [Fact]
    public void Sample_sets_only_what_each_role_uses() => Assert.Empty(Validate.Run(SampleInputs.Topology()).Of("CBT1116"));

    [Fact]
    public void A_web_fqdn_on_a_mediation_pool_is_reported()
    {
        var topology = SampleInputs.Topology();
        SampleInputs.Pool(topology, "Mediation")["externalWebFqdn"] = "medext.contoso.com";
        var outcome = Validate.Run(topology);
        var d = Assert.Single(outcome.Of("CBT1116"));
        Assert.Equal(SampleInputs.LineOf(outcome.TopologyText, "medext.contoso.com"), d.Location.Line);
    }
}
