using CertBuildTasks.Cli.Tests.Infrastructure;

namespace CertBuildTasks.Cli.Tests.Commands;

/// <summary>A command line certbuild cannot act on: exit code 2, what was wrong on stderr, nothing run.</summary>
public sealed class UsageTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Topology => Samples.Topology("Contoso");

    public static TheoryData<string[], string> Refused => new()
    {
        { ["bogus"], "'bogus' is not a certbuild command" },
        { ["validate"], "--topology is required" },
        { ["validate", "--topology", Topology, "--bogus"], "unknown option '--bogus' for certbuild validate" },
        { ["validate", "--topology"], "--topology needs a value (FILE)" },
        { ["validate", "--topology", Topology, "--topology", Topology], "--topology is given twice" },
        { ["validate", "--topology", "missing.json"], "--topology: 'missing.json' does not exist" },
        { ["validate", "--topology", Topology, "stray"], "'stray': certbuild validate takes no argument without an option name" },
        { ["validate", "--topology", Topology, "--quiet=yes"], "--quiet takes no value" },
        { ["validate", "--topology", Topology, "--at", "yesterday"], "--at: 'yesterday' is not a time" },
        { ["validate", "--topology", Topology, "--severity", "CBT1119"], "expected ID=level" },
        { ["validate", "--topology", Topology, "--severity", "CBT1119=loud"], "'loud' is not a level" },
        { ["validate", "--topology", Topology, "--severity", "CBT9999=error"], "CBT9999 is not a CertBuildTasks rule" },
        { ["validate", "--topology", Topology, "--severity", "CBT1001=warning"], "CBT1001 cannot be configured" },
        { ["validate", "--topology", Topology, "--format", "xml"], "--format: 'xml' is not text or json" },
        { ["validate", "--topology", Topology, "--rules-base-uri", "docs/rules"], "is not an absolute URI" },
        { ["validate", "--topology", Topology, "--name", "a", "--project", "x.csproj"], "--name and --project both name the run" },
        { ["validate", "--topology", Topology, "--name", "a/b"], "cannot name a file" },
        { ["plan", "--topology", Topology, "--issued", "x.cer"], "unknown option '--issued' for certbuild plan" },
        { ["gate", "--topology", Topology], "--issued is required" },
        { ["gate", "--topology", Topology, "--issued", "."], "holds no certificate file" },
        { ["gate", "--topology", Topology, "--issued", Topology + ";Server=x"], "'Server=x' is not one of PlannedId=…" },
        { ["gate", "--topology", Topology, "--issued", Topology, "--roots", Topology + ";Role=Leaf"], "Role=Leaf: Root or Intermediate" },
        { ["gate", "--topology", Topology, "--issued", Topology, "--roots", Topology + ";Authority=cloud"], "Authority=cloud: internal or public" },
        { ["check-deployed", "--topology", Topology], "--deployed is required" },
        { ["bundle", "--topology", Topology], "--out is required" },
        { ["convert", "--out", "x.json"], "name the topology to convert" },
        { ["convert", Topology, "--out", "x.json", "--rules-base-uri", "docs/rules"], "is not an absolute URI" },
        { ["gate", "--topology", Topology, "--issued", ".;PlannedId=frontend-fe01"], "PlannedId pairs one file with one planned certificate, not a folder" },
        { ["validate", "--topology", "-h"], "--topology: '-h' does not exist" },
        { ["validate", "--topology", Topology, "--", "--help"], "'--help': certbuild validate takes no argument without an option name" },
        { ["bundle", "--topology", Topology, "--out", "/"], "is a root folder" },
        { ["bundle", "--topology", Topology, "--out", "b", "--zip", "b/x.zip"], "the zip cannot be inside the bundle folder" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_command_line_certbuild_cannot_act_on_exits_2_and_says_why(string[] arguments, string why)
    {
        var run = Certbuild.Run(_dir.Path, arguments);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(why, run.Error, StringComparison.Ordinal);
        Assert.Contains("--help", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir.Path));
    }

    [Fact]
    public void Without_a_command_it_prints_the_commands_and_exits_2_and_with_help_exits_0()
    {
        var bare = Certbuild.Run(_dir.Path);
        var help = Certbuild.Run(_dir.Path, "--help");

        Assert.Equal(2, bare.ExitCode);
        Assert.Equal(0, help.ExitCode);
        Assert.Equal(bare.Out, help.Out);
        foreach (var command in CommandLine.Commands)
        {
            Assert.Contains("  " + command.Name + " ", help.Out, StringComparison.Ordinal);
        }

        Assert.Contains("Exit codes: 0 no error", help.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_commands_help_lists_every_option_it_parses()
    {
        foreach (var command in CommandLine.Commands)
        {
            var help = Certbuild.Run(_dir.Path, command.Name, "--help");

            Assert.True(help.ExitCode == 0, help.ToString());
            Assert.StartsWith($"certbuild {command.Name} — ", help.Out, StringComparison.Ordinal);
            foreach (var option in command.Options)
            {
                Assert.Contains("  " + option.Name + (option.Value is null ? string.Empty : " " + option.Value), help.Out, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_version_is_the_tools_own_and_the_one_every_output_names()
    {
        var run = Certbuild.Run(_dir.Path, "--version");

        // The tool's package version (its assembly's, from git) and the version plan.json, the manifest
        // and SARIF name (Core's) are one.
        var own = typeof(CommandLine).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion.Split('+')[0];
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(own + "\n", run.Out);
        Assert.Equal(Pipeline.ToolVersion.Current, own);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Out);
    }

    [Fact]
    public void Help_after_a_command_shows_its_options_and_runs_nothing()
    {
        var run = Certbuild.Run(_dir.Path, "bundle", "--topology", Topology, "--out", "out", "-h");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("certbuild bundle — ", run.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.File("out")));
    }
}
