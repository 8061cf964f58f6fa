using CertBuildTasks.Diagnostics;
using CertBuildTasks.Rules.Topology;

namespace CertBuildTasks.Tests.Diagnostics;

/// <summary>Input text quoted in a message cannot act on the console, log or viewer that shows it.</summary>
public class MessageTextTests
{
    [Theory]
    [InlineData("fe01\u001b]0;pwned\u0007.contoso.com", "fe01\\u001B]0;pwned\\u0007.contoso.com")]
    [InlineData("fe01\r\nerror CBT0000: fake", "fe01\\u000D\\u000Aerror CBT0000: fake")]
    [InlineData("moc.osotnoc\u202e", "moc.osotnoc\\u202E")]
    [InlineData("plain.contoso.com", "plain.contoso.com")]
    public void Control_and_direction_characters_are_shown_not_obeyed(string value, string shown) =>
        Assert.Equal(shown, MessageText.Quote(value));

    [Fact]
    public void A_value_of_megabytes_is_cut_to_its_start_and_length()
    {
        var quoted = MessageText.Quote(new string('a', 5_000_000));
        Assert.True(quoted.Length < MessageText.MaxLength, quoted.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("… (5,000,000 characters)", quoted, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_diagnostic_quotes_its_text_arguments()
    {
        var d = Diagnostic.Create(InvalidDnsNameRule.Rule, SourceLocation.File("topology.json"), "fe01\nerror CBT0000: fake", "server FQDN", "it is bad");
        Assert.DoesNotContain('\n', d.Message);
        Assert.Contains("fe01\\u000Aerror", d.Message, StringComparison.Ordinal);
    }
}
