using CertBuildTasks.Cli.Tests.Infrastructure;

namespace CertBuildTasks.Cli.Tests.Commands;

/// <summary>certbuild convert: a real Topology Builder file as the JSON format, which plans as the XML does.</summary>
public sealed class ConvertCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> TopologyBuilderFiles => [SharedTopologies.ContosoTbxml, SharedTopologies.OtcTbxml];

    [Theory]
    [MemberData(nameof(TopologyBuilderFiles))]
    public void The_converted_topology_plans_the_same_certificates_as_the_xml(string file)
    {
        var tbxml = SharedTopologies.Path(file);

        var converted = Certbuild.Run(_dir.Path, "convert", tbxml, "--out", "topology.json");
        var fromXml = Certbuild.Run(_dir.Path, "plan", "--topology", tbxml, "--at", Samples.At, "--out", "xml-plan.json");
        var fromJson = Certbuild.Run(_dir.Path, "plan", "--topology", "topology.json", "--at", Samples.At, "--out", "json-plan.json");

        Assert.True(converted.ExitCode == 0, converted.ToString());
        Assert.Contains("certbuild convert: wrote topology topology.json", converted.Out, StringComparison.Ordinal);
        Assert.True(fromXml.ExitCode == 0, fromXml.ToString());
        Assert.True(fromJson.ExitCode == 0, fromJson.ToString());
        Assert.Equal(File.ReadAllBytes(_dir.File("xml-plan.json")), File.ReadAllBytes(_dir.File("json-plan.json")));
    }

    [Fact]
    public void An_existing_file_is_kept_unless_overwrite_is_given()
    {
        var tbxml = SharedTopologies.Path(SharedTopologies.OtcTbxml);
        var edited = _dir.Write("topology.json", "{ \"edited\": true }");

        var kept = Certbuild.Run(_dir.Path, "convert", tbxml, "--out", "topology.json");
        Assert.Equal(1, kept.ExitCode);
        Assert.Contains(kept.Lines, l => l.Contains("the file exists and may hold edits; delete it or run again with --overwrite", StringComparison.Ordinal));
        Assert.Equal("{ \"edited\": true }", File.ReadAllText(edited));

        var replaced = Certbuild.Run(_dir.Path, "convert", tbxml, "--out", "topology.json", "--overwrite");
        Assert.True(replaced.ExitCode == 0, replaced.ToString());
        Assert.Contains("\"sites\"", File.ReadAllText(edited), StringComparison.Ordinal);
    }

    [Fact]
    public void A_destination_the_file_system_refuses_is_CBT4007_and_exit_code_2()
    {
        _dir.Write("a-file", "not a folder");

        var run = Certbuild.Run(_dir.Path, "convert", SharedTopologies.Path(SharedTopologies.OtcTbxml), "--out", "a-file/topology.json");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(run.Lines, l => l.StartsWith("certbuild : error CBT4007: certbuild convert could not write ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_topology_itself_is_never_the_destination()
    {
        var copy = _dir.Write("topology.json", File.ReadAllText(Samples.Topology("Contoso")));

        var run = Certbuild.Run(_dir.Path, "convert", copy, "--out", copy, "--overwrite");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.Lines, l => l.Contains("it is one of the build's inputs", StringComparison.Ordinal));
        Assert.Equal(File.ReadAllText(Samples.Topology("Contoso")), File.ReadAllText(copy));
    }
}
