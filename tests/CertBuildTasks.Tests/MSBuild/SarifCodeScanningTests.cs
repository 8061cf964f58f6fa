using System.Text.Json;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.MSBuild;

/// <summary>
/// The SARIF log as GitHub code scanning reads it: the real SARIF Multitool with the SARIF, GitHub and
/// GHAS rules finds no error and no warning in the logs of a clean build, a broken topology and a gate
/// that finds problems; every rule has its full description, its page as help and an absolute help URI.
/// </summary>
[Trait("Lane", "Build")]
[Collection(MSBuildTestGroup.Name)]
public sealed class SarifCodeScanningTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Build(string topologyText, string items = "")
    {
        _dir.Write("topology.json", topologyText);
        _dir.Write("policy.json", SampleInputs.ToText(SampleInputs.Policy()));
        _dir.Write(".editorconfig", "root = true\n");
        InProcessBuild.Run(InProcessBuild.WriteProject(_dir, "<ItemGroup><CertTopology Include=\"topology.json\" /><CertPolicy Include=\"policy.json\" />" + items + "</ItemGroup>"));
        return _dir.File("obj/certbuild.sarif");
    }

    public static TheoryData<string> Scenarios() => ["clean", "broken", "gate"];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void The_multitool_finds_nothing_for_code_scanning(string scenario)
    {
        var topology = SampleInputs.Topology();
        var sarif = scenario switch
        {
            "clean" => Build(SampleInputs.ToText(topology)),
            "broken" => Build("{ \"sites\": [ { \"pools\": 3 } ], \"unknown\": true }"),
            _ => Build(SampleInputs.ToText(topology), UnplannedCertificate.Write(_dir)),
        };
        using (var log = JsonDocument.Parse(File.ReadAllText(sarif)))
        {
            var run = log.RootElement.GetProperty("runs")[0];
            Assert.Equal("CertBuildTasks/test/", run.GetProperty("automationDetails").GetProperty("id").GetString());
            var driver = run.GetProperty("tool").GetProperty("driver");
            Assert.True(Uri.TryCreate(driver.GetProperty("informationUri").GetString(), UriKind.Absolute, out _));
            if (scenario != "clean")
            {
                Assert.NotEmpty(run.GetProperty("results").EnumerateArray());
            }

            foreach (var rule in driver.GetProperty("rules").EnumerateArray())
            {
                var id = rule.GetProperty("id").GetString()!;
                Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("fullDescription").GetProperty("text").GetString()), id);
                Assert.StartsWith("# " + id, rule.GetProperty("help").GetProperty("markdown").GetString(), StringComparison.Ordinal);
                var help = new Uri(rule.GetProperty("helpUri").GetString()!);
                Assert.True(File.Exists(help.LocalPath), "the help page " + help + " does not open");
            }
        }

        var problems = SarifMultitool.Problems(sarif);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void In_a_repository_paths_are_relative_to_its_root_and_each_project_has_its_own_automation_id()
    {
        // Code scanning reads relative paths from the repository root: deploy/topology.json, not topology.json.
        Directory.CreateDirectory(_dir.File(".git"));
        var project = _dir.File("deploy");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "topology.json"), "{ \"broken\": ");
        File.WriteAllText(Path.Combine(project, ".editorconfig"), "root = true\n");
        InProcessBuild.Run(InProcessBuild.WriteProject(project, "<ItemGroup><CertTopology Include=\"topology.json\" /></ItemGroup>"));
        var sarif = Path.Combine(project, "obj", "certbuild.sarif");
        using (var log = JsonDocument.Parse(File.ReadAllText(sarif)))
        {
            var run = log.RootElement.GetProperty("runs")[0];
            Assert.Equal("CertBuildTasks/deploy/test.proj/", run.GetProperty("automationDetails").GetProperty("id").GetString());
            Assert.True(run.GetProperty("originalUriBaseIds").TryGetProperty("SRCROOT", out _));
            var location = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
            Assert.Equal("deploy/topology.json", location.GetProperty("uri").GetString());
            Assert.Equal("SRCROOT", location.GetProperty("uriBaseId").GetString());
        }

        var problems = SarifMultitool.Problems(sarif);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
