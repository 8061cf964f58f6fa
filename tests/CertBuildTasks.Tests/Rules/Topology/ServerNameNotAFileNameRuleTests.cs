using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Topology;

public class ServerNameNotAFileNameRuleTests
{
    [Fact]
    public void Sample_server_names_are_folder_names_everywhere() => Assert.Empty(Validate.Run(SampleInputs.Topology()).Of("CBT1118"));

    [Theory]
    [InlineData("con.contoso.com", "CON")]
    [InlineData("NUL.contoso.com", "NUL")]
    [InlineData("com1.contoso.com", "COM1")]
    [InlineData("lpt9.contoso.com", "LPT9")]
    [InlineData("aux.contoso.com", "AUX")]
    public void A_server_named_like_a_windows_device_is_refused_at_its_line(string name, string device)
    {
        var topology = SampleInputs.Topology();
        SampleInputs.Pool(topology, "FrontEnd")["servers"]![1] = name;
        var outcome = Validate.Run(topology);
        var d = Assert.Single(outcome.Of("CBT1118"));
        Assert.Contains("device " + device, d.Message, StringComparison.Ordinal);
        Assert.Equal(SampleInputs.LineOf(outcome.TopologyText, name), d.Location.Line);
        Assert.Empty(outcome.Of("CBT1102")); // a valid DNS name, only not a folder name
    }

    [Theory]
    [InlineData("console.contoso.com")]
    [InlineData("com10.contoso.com")]
    [InlineData("fe-con.contoso.com")]
    public void Names_that_only_look_alike_are_fine(string name)
    {
        var topology = SampleInputs.Topology();
        SampleInputs.Pool(topology, "FrontEnd")["servers"]![1] = name;
        Assert.Empty(Validate.Run(topology).Of("CBT1118"));
    }

    [Fact]
    public void An_invalid_dns_name_is_left_to_CBT1102()
    {
        var topology = SampleInputs.Topology();
        SampleInputs.Pool(topology, "FrontEnd")["servers"]![1] = "con..contoso.com";
        var outcome = Validate.Run(topology);
        Assert.Empty(outcome.Of("CBT1118"));
        Assert.Single(outcome.Of("CBT1102"));
    }
}
