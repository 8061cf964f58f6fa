using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Topology;

public class SimpleUrlInvalidRuleTests
{
    [Fact]
    public void Sample_simple_urls_are_https_with_hosts() => Assert.Empty(Validate.Run(SampleInputs.Topology()).Of("CBT1108"));

    [Theory]
    [InlineData("http://dialin.contoso.com", "https")]
    [InlineData("dialin.contoso.com", "absolute")]
    [InlineData("https://dial_in.contoso.com", "underscore")]
    [InlineData("https://admin:Passw0rd@dialin.contoso.com", "user name or password")]
    public void Bad_simple_urls_are_reported(string url, string reason)
    {
        var topology = SampleInputs.Topology();
        topology["simpleUrls"]!["dialin"] = url;
        var outcome = Validate.Run(topology);
        var d = Assert.Single(outcome.Of("CBT1108"));
        Assert.Contains(reason, d.Message, StringComparison.Ordinal);
        Assert.Equal(SampleInputs.LineOf(outcome.TopologyText, "\"dialin\""), d.Location.Line);
    }

    [Fact]
    public void A_password_in_a_simple_url_is_not_repeated_in_the_message()
    {
        var topology = SampleInputs.Topology();
        topology["simpleUrls"]!["admin"] = "https://admin:Passw0rd@admin.contoso.com";
        var d = Assert.Single(Validate.Run(topology).Of("CBT1108"));
        Assert.DoesNotContain("Passw0rd", d.Message, StringComparison.Ordinal);
        Assert.Contains("https://***@admin.contoso.com", d.Message, StringComparison.Ordinal);
    }
}
