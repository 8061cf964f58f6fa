using CertBuildTasks.Cli.Tests.Infrastructure;

namespace CertBuildTasks.Cli.Tests.Installed;

/// <summary>
/// The promise of the tool: the same inputs give the same plan.json, bundle, zip and SARIF bytes as
/// `dotnet build` of a project with those inputs. The same clock and rule-page base are given to both;
/// the tool stands for the project with --project.
/// </summary>
[Trait("Lane", "Build")]
[Collection(InstalledToolGroup.Name)]
public sealed class SameAsBuildTests(InstalledTool tool) : IDisposable
{
    private const string HelpBase = "https://example.test/certbuildtasks/docs/rules/";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Inputs => ["samples/Contoso", SharedTopologies.ContosoTbxml, SharedTopologies.OtcTbxml];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void The_tool_writes_the_builds_plan_bundle_zip_and_sarif_byte_for_byte(string inputs)
    {
        // The sample is copied as a user's project holds it (in a git repository: SARIF paths from its
        // root); the shared Topology Builder files are read in place, from outside any repository.
        var project = _dir.File("Estate/Estate.csproj");
        string topology;
        string? policy = null;
        if (inputs == "samples/Contoso")
        {
            topology = _dir.Write("Estate/topology.json", File.ReadAllText(Samples.Topology("Contoso")));
            policy = _dir.Write("Estate/certificate-policy.json", File.ReadAllText(Samples.Policy("Contoso")));
            var (git, gitOutput) = ProcessRunner.Run("git", _dir.Path, ["init", "-q"]);
            Assert.True(git == 0, gitOutput);
        }
        else
        {
            topology = SharedTopologies.Path(inputs);
        }

        WriteProject(project, topology, policy);
        var (built, buildOutput) = DotNetCli.Run(_dir.File("Estate"), "build", "-nologo", "-p:CertValidationTime=" + Samples.At, "-p:CertRulesHelpBaseUri=" + HelpBase);
        Assert.True(built == 0, buildOutput);

        string[] common = ["--topology", topology, .. policy is null ? Array.Empty<string>() : ["--policy", policy], "--project", project, "--at", Samples.At, "--rules-base-uri", HelpBase];
        var bundled = tool.Run(_dir.File("Estate"), ["bundle", .. common, "--out", _dir.File("cli/certbundle"), "--sarif", _dir.File("cli/certbuild.sarif")]);
        Assert.True(bundled.ExitCode == 0, bundled.Out + bundled.Error);
        var planned = tool.Run(_dir.Path, ["plan", .. common, "--out", _dir.File("cli/plan.json")]);
        Assert.True(planned.ExitCode == 0, planned.Out + planned.Error);

        var output = _dir.File("Estate/bin/Debug/net10.0");
        AssertSameFiles(Path.Combine(output, "certbundle"), _dir.File("cli/certbundle"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(output, "Estate-certificates.zip")), File.ReadAllBytes(_dir.File("cli/Estate-certificates.zip")));
        Assert.Equal(File.ReadAllText(_dir.File("Estate/obj/Debug/net10.0/certbuild.sarif")), File.ReadAllText(_dir.File("cli/certbuild.sarif")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(output, "certbundle", "plan.json")), File.ReadAllBytes(_dir.File("cli/plan.json")));
    }

    private static void WriteProject(string project, string topology, string? policy)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(project)!);
        File.WriteAllText(project, SourceTreeProject.Xml($"""
            <ItemGroup>
              <CertTopology Include="{topology}" />
              {(policy is null ? string.Empty : $"<CertPolicy Include=\"{policy}\" />")}
            </ItemGroup>
            """));
    }

    private static void AssertSameFiles(string expected, string actual)
    {
        static List<string> List(string folder) =>
            [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal)];

        var files = List(expected);
        Assert.NotEmpty(files);
        Assert.Equal(files, List(actual));
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))), file + " differs");
        }
    }
}
