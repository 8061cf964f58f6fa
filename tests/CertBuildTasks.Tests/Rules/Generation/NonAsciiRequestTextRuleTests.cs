using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Generation;

public class NonAsciiRequestTextRuleTests
{
    [Fact]
    public void Ascii_texts_pass() => Assert.Empty(Generate.Run(SampleInputs.Policy()).Of("CBT4002"));

    [Fact]
    public void A_non_ascii_organization_is_reported_at_the_setting()
    {
        var policy = SampleInputs.Policy();
        policy["subject"]!["organization"] = "Société Générale";
        var outcome = Generate.Run(policy);
        var d = Assert.Single(outcome.Of("CBT4002"));
        Assert.Equal(SampleInputs.LineOf(outcome.PolicyText, "\"organization\""), d.Location.Line);
        Assert.Empty(outcome.Files);
    }

    [Fact]
    public void A_non_ascii_public_ca_name_is_fine_because_it_only_reaches_scripts_and_runbooks()
    {
        var policy = SampleInputs.Policy();
        policy["certificateAuthorities"]!["public"]!["name"] = "Zertifizierungsstelle München";
        var outcome = Generate.Run(policy);
        Assert.Empty(outcome.Of("CBT4002"));
        Assert.NotEmpty(outcome.Files);
    }
}
