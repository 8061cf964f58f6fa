using CertBuildTasks.Generation;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Generation;

public class UnsafeTextRuleTests
{
    [Fact]
    public void The_sample_policy_texts_are_safe() => Assert.Empty(Generate.Run(SampleInputs.Policy()).Of("CBT4001"));

    [Theory]
    [InlineData("organization", "Contoso\nExportable = TRUE")]
    [InlineData("organizationalUnit", "IT\r\n[RequestAttributes]")]
    [InlineData("locality", "Redmond\u2028Seattle")]
    [InlineData("state", "WA\0")]
    public void A_control_character_is_refused_and_nothing_is_generated(string rdn, string value)
    {
        var policy = SampleInputs.Policy();
        policy["subject"]![rdn] = value;
        var outcome = Generate.Run(policy);
        var d = Assert.Single(outcome.Of("CBT4001"));
        Assert.Contains("subject." + rdn, d.Message, StringComparison.Ordinal);
        Assert.Equal(SampleInputs.LineOf(outcome.PolicyText, "\"" + rdn + "\""), d.Location.Line);
        Assert.Empty(outcome.Files);
    }

    [Fact]
    public void A_newline_in_the_ca_config_is_refused()
    {
        var policy = SampleInputs.Policy();
        policy["certificateAuthorities"]!["internal"]!["config"] = "ca01.contoso.com\\CA\nRemove-Item C:\\";
        Assert.NotEmpty(Generate.Run(policy).Of("CBT4001"));
        Assert.True(TextSafety.HasControlCharacter("a\tb"));
    }
}
