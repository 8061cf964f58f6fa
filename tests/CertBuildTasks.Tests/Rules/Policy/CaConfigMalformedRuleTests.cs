using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Policy;

public class CaConfigMalformedRuleTests
{
    [Fact]
    public void Host_backslash_name_passes() => Assert.Empty(Validate.Run(SampleInputs.Topology(), SampleInputs.Policy()).Of("CBT2010"));

    [Theory]
    [InlineData("Contoso Issuing CA", "backslash")]
    [InlineData("ca01\\Contoso CA", "single-label")]
    [InlineData("ca01.contoso.com\\ ", "empty")]
    [InlineData("ca01.contoso.com\\a\\b", "backslash")]
    public void Malformed_configs_are_reported(string config, string reason)
    {
        var policy = SampleInputs.Policy();
        policy["certificateAuthorities"]!["internal"]!["config"] = config;
        var outcome = Validate.Run(SampleInputs.Topology(), policy);
        var d = Assert.Single(outcome.Of("CBT2010"));
        Assert.Contains(reason, d.Message, StringComparison.Ordinal);
        Assert.Equal(SampleInputs.LineOf(outcome.PolicyText, "\"config\""), d.Location.Line);
    }
}
