using CertBuildTasks.Naming;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Topology;

public class InvalidDnsNameRuleTests
{
    [Fact]
    public void Sample_names_are_valid() => Assert.Empty(Validate.Run(SampleInputs.Topology()).Of("CBT1102"));

    [Theory]
    [InlineData("fe_01.contoso.com", "underscore")]
    [InlineData("fe01", "single-label")]
    [InlineData("fé01.contoso.com", "non-ASCII")]
    [InlineData("xn--fe-1ia.contoso.com", "punycode")]
    [InlineData("fe01..contoso.com", "empty label")]
    [InlineData("-fe01.contoso.com", "hyphen")]
    [InlineData("fe01.contoso.com:443", "character ':'")]
    [InlineData("10.0.0.1", "IP address")]
    public void Bad_server_names_are_reported_with_the_reason(string name, string reason)
    {
        var topology = SampleInputs.Topology();
        SampleInputs.Pool(topology, "FrontEnd")["servers"]![0] = name;
        var outcome = Validate.Run(topology);
        var d = Assert.Single(outcome.Of("CBT1102"));
        Assert.Contains(reason, d.Message, StringComparison.Ordinal);
        Assert.Equal(SampleInputs.LineOf(outcome.TopologyText, name), d.Location.Line);
    }

    [Fact]
    public void Label_and_name_length_limits_are_enforced()
    {
        Assert.Contains("63", DnsName.Problem(new string('a', 64) + ".contoso.com"), StringComparison.Ordinal);
        Assert.Null(DnsName.Problem(new string('a', 63) + ".contoso.com"));
        var longName = string.Join('.', Enumerable.Repeat(new string('a', 50), 5)) + ".com"; // 259 characters
        Assert.Contains("253", DnsName.Problem(longName), StringComparison.Ordinal);
    }

    [Fact]
    public void Wildcards_are_only_accepted_where_allowed_and_only_as_the_leftmost_label()
    {
        Assert.Null(DnsName.Problem("*.contoso.com", allowWildcard: true));
        Assert.NotNull(DnsName.Problem("*.contoso.com"));
        Assert.NotNull(DnsName.Problem("meet.*.contoso.com", allowWildcard: true));
    }

    [Theory]
    [InlineData("rp01\n")]
    [InlineData("rp*01")]
    public void A_reverse_proxy_name_that_could_break_a_file_name_is_reported(string name)
    {
        var topology = SampleInputs.Topology();
        topology["reverseProxy"]!["name"] = name;
        var outcome = Validate.Run(topology);
        Assert.Contains(outcome.Diagnostics, d => d.Id is "CBT1102" or "CBT1004");
        Assert.True(outcome.Diagnostics.Any(d => d.Id == "CBT1102") || outcome.Result.Topology is null);
    }
}
