using System.Text.RegularExpressions;
using CertBuildTasks.Cli.Tests.Infrastructure;
using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Cli.Tests.Commands;

/// <summary>certbuild validate: the pipeline's findings, printed as MSBuild prints them, and the exit code a gate acts on.</summary>
public sealed partial class ValidateCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [GeneratedRegex(@"^(?<file>[^(]+)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning) (?<id>CBT\d{4}): (?<message>.+)$")]
    private static partial Regex Canonical();

    [Fact]
    public void The_broken_sample_exits_1_with_each_of_the_pipelines_findings_as_a_canonical_line()
    {
        var run = Certbuild.Run(Samples.Folder("Broken"), "validate", "--topology", "topology.json", "--policy", "certificate-policy.json");

        Assert.True(run.ExitCode == 1, run.ToString());
        var expected = InProcessPipeline.For(Samples.Topology("Broken"), Samples.Policy("Broken"), Path.Combine(Samples.Folder("Broken"), "Broken.certbuild"))
            .Validate().Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        var printed = run.Lines.Select(l => Canonical().Match(l)).Where(m => m.Success).ToList();
        Assert.Equal(expected.Count, printed.Count);
        foreach (var (finding, line) in expected.Zip(printed))
        {
            Assert.Equal(Path.GetFileName(finding.Location.FilePath), line.Groups["file"].Value);
            Assert.Equal(finding.Location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), line.Groups["line"].Value);
            Assert.Equal(finding.Location.Column.ToString(System.Globalization.CultureInfo.InvariantCulture), line.Groups["column"].Value);
            Assert.Equal(finding.Id, line.Groups["id"].Value);
            Assert.Equal(finding.Message, line.Groups["message"].Value);
        }

        Assert.Contains(printed, m => m.Groups["file"].Value == "topology.json" && m.Groups["severity"].Value == "error");
        Assert.EndsWith($"{expected.Count(d => d.Severity == DiagnosticSeverity.Error)} errors, {expected.Count(d => d.Severity == DiagnosticSeverity.Warning)} warnings", run.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_contoso_sample_exits_0_and_says_what_it_read()
    {
        var run = Certbuild.Run(RepoPaths.Root, "validate", "--topology", Samples.Topology("Contoso"), "--policy", Samples.Policy("Contoso"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("certbuild validate: samples/Contoso/topology.json: 1 site(s), 4 pool(s), 9 server(s); 0 errors, 0 warnings", Assert.Single(run.Lines).Replace('\\', '/'));
    }

    [Fact]
    public void Warnings_alone_exit_0_and_a_severity_switch_makes_one_an_error_or_hides_it()
    {
        var tbxml = SharedTopologies.Path(SharedTopologies.ContosoTbxml);

        var plain = Certbuild.Run(_dir.Path, "validate", "--topology", tbxml);
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Contains(plain.Lines, l => l.StartsWith(tbxml + "(", StringComparison.Ordinal) && l.Contains("): warning CBT1119: ", StringComparison.Ordinal));

        var raised = Certbuild.Run(_dir.Path, "validate", "--topology", tbxml, "--severity", "CBT1119=error");
        Assert.True(raised.ExitCode == 1, raised.ToString());
        Assert.Contains(raised.Lines, l => l.Contains("): error CBT1119: ", StringComparison.Ordinal));

        var hidden = Certbuild.Run(_dir.Path, "validate", "--topology", tbxml, "--severity", "cbt1119=none");
        Assert.True(hidden.ExitCode == 0, hidden.ToString());
        Assert.DoesNotContain(hidden.Lines, l => l.Contains("CBT1119", StringComparison.Ordinal));
    }

    [Fact]
    public void A_config_file_sets_severities_and_a_severity_switch_is_decided_over_it()
    {
        var tbxml = SharedTopologies.Path(SharedTopologies.ContosoTbxml);
        var config = _dir.Write("ci.globalconfig", "is_global = true\ndotnet_diagnostic.CBT1119.severity = error\n");

        var configured = Certbuild.Run(_dir.Path, "validate", "--topology", tbxml, "--config", config);
        Assert.True(configured.ExitCode == 1, configured.ToString());
        Assert.Contains(configured.Lines, l => l.Contains("): error CBT1119: ", StringComparison.Ordinal));

        var overruled = Certbuild.Run(_dir.Path, "validate", "--topology", tbxml, "--config", config, "--severity", "CBT1119=warning");
        Assert.True(overruled.ExitCode == 0, overruled.ToString());
        Assert.Contains(overruled.Lines, l => l.Contains("): warning CBT1119: ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_globalconfig_above_the_topology_is_found_as_a_build_finds_it_and_one_elsewhere_is_not()
    {
        _dir.Write("deploy/topology.json", File.ReadAllText(Samples.Topology("Contoso")));
        _dir.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.CBT2000.severity = error\n");
        _dir.Write("elsewhere/.globalconfig", "is_global = true\ndotnet_diagnostic.CBT2000.severity = none\n");

        // Without a policy, the built-in one is used and said (CBT2000, a message); the .globalconfig of
        // the folder above the topology makes it an error, the one in the current folder does nothing.
        var run = Certbuild.Run(_dir.File("elsewhere"), "plan", "--topology", _dir.File("deploy/topology.json"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(run.Lines, l => l.StartsWith("certbuild : error CBT2000: ", StringComparison.Ordinal));
    }
}
