using System.Collections.Immutable;
using CertBuildTasks.Analyzers;
using CertBuildTasks.Bench;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Pipeline;
using CertBuildTasks.Tests.Infrastructure;
using Compiler = Microsoft.CodeAnalysis;

namespace CertBuildTasks.Tests.Analyzers;

/// <summary>
/// The analyzer says what the build says: for the same inputs and the same configuration files, the
/// IDs, severities, messages, files, lines and columns of the analyzer's findings are those of the
/// pipeline's validate and plan stages (the task's findings for these inputs).
/// </summary>
public sealed class LiveParityTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Inputs => new() { "broken-sample", "contoso-with-warning", "otc-sfb2019-standard.tbxml", "sfbautomatedlab-contoso.tbxml" };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void The_analyzer_reports_exactly_the_findings_of_the_build(string name)
    {
        var (topology, policy) = Prepare(name);
        AssertSameFindings(topology, policy, configFiles: []);
    }

    [Fact]
    public void Each_finding_links_to_the_rule_page_the_build_links_to()
    {
        var (topology, policy) = Prepare("broken-sample");
        var pages = Path.Combine(RepoPaths.Docs, "rules") + Path.DirectorySeparatorChar;
        var live = LiveCompilation.Analyze(
            [(topology, "topology", File.ReadAllText(topology)), (policy!, "policy", File.ReadAllText(policy!))],
            properties: new Dictionary<string, string> { ["_CertRulesHelpDirectory"] = pages });

        Assert.NotEmpty(live);
        var helpBase = RuleHelpLocation.Resolve(null, pages);
        foreach (var d in live)
        {
            Assert.Equal(CertBuildTasks.Rules.RuleCatalog.Find(d.Id)!.HelpUri(helpBase), d.Descriptor.HelpLinkUri);
            Assert.True(File.Exists(new Uri(d.Descriptor.HelpLinkUri).LocalPath), d.Descriptor.HelpLinkUri);
        }

        // A published base wins, as in the build.
        var published = LiveCompilation.Analyze(
            [(topology, "topology", File.ReadAllText(topology))],
            properties: new Dictionary<string, string> { ["CertRulesHelpBaseUri"] = "https://example.org/rules", ["_CertRulesHelpDirectory"] = pages });
        Assert.All(published, d => Assert.Equal("https://example.org/rules/" + d.Id + ".md", d.Descriptor.HelpLinkUri));
    }

    [Fact]
    public void An_editorconfig_section_for_the_topology_sets_the_severity_in_the_ide_as_in_the_build()
    {
        var (topology, policy) = Prepare("contoso-with-warning");
        var config = _dir.Write(".editorconfig", "root = true\n\n[topology.json]\ndotnet_diagnostic.CBT1116.severity = error\n");

        var live = AssertSameFindings(topology, policy, [config]);
        Assert.Contains(live, d => d.Id == "CBT1116" && d.Severity == Compiler.DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_category_set_to_none_in_a_global_config_silences_the_rule_in_the_ide_as_in_the_build()
    {
        var (topology, policy) = Prepare("contoso-with-warning");
        var category = CertBuildTasks.Rules.RuleCatalog.Find("CBT1116")!.Category;
        var config = _dir.Write(".globalconfig", $"is_global = true\ndotnet_analyzer_diagnostic.category-{category}.severity = none\n");

        var live = AssertSameFindings(topology, policy, [config]);
        Assert.DoesNotContain(live, d => d.Id == "CBT1116");
    }

    [Fact]
    public void Unsaved_text_is_analyzed_not_the_file_and_a_project_without_inputs_gets_nothing()
    {
        Assert.Empty(LiveCompilation.Analyze([]));

        // An input is named by its kind; a file without one is not ours.
        var (topology, _) = Prepare("broken-sample");
        Assert.Empty(LiveCompilation.Analyze([(topology, "", File.ReadAllText(topology))]));
        Assert.NotEmpty(LiveCompilation.Analyze([(topology, "topology", File.ReadAllText(topology))]));

        // The text the IDE holds is what is judged, whatever the file on disk says.
        var fixedText = File.ReadAllText(Path.Combine(RepoPaths.Samples, "Contoso", "topology.json"));
        Assert.DoesNotContain(LiveCompilation.Analyze([(topology, "topology", fixedText)]), d => d.Severity == Compiler.DiagnosticSeverity.Error);
    }

    private ImmutableArray<Compiler.Diagnostic> AssertSameFindings(string topology, string? policy, IReadOnlyList<string> configFiles)
    {
        var pipeline = new CertificatePipeline(new PipelineInputs
        {
            ProjectFile = _dir.File("Live.csproj"),
            ToolVersion = "test",
            TopologyFiles = [topology],
            PolicyFiles = policy is null ? [] : [policy],
            SeverityConfigFiles = [.. configFiles],
        });
        var validated = pipeline.Validate();
        var build = validated.Diagnostics.Concat(validated.Succeeded ? pipeline.Plan().Diagnostics : ImmutableArray<Diagnostic>.Empty)
            .Select(d => d.Location.FilePath == pipeline.Inputs.ProjectFile ? d with { Location = SourceLocation.None } : d)
            .Select(d => (d.Id, Severity: RoslynDescriptors.ToRoslyn(d.Severity), d.Message, File: d.Location.FilePath, d.Location.Line, d.Location.Column))
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();

        var inputs = new List<(string, string, string)> { (topology, "topology", File.ReadAllText(topology)) };
        if (policy is not null)
        {
            inputs.Add((policy, "policy", File.ReadAllText(policy)));
        }

        var live = LiveCompilation.Analyze(inputs, [.. configFiles.Select(f => (f, File.ReadAllText(f)))]);
        var shown = live
            .Select(d => d.Location == Compiler.Location.None
                ? (d.Id, d.Severity, Message: d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), File: string.Empty, Line: 0, Column: 0)
                : (d.Id, d.Severity, Message: d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), File: d.Location.GetLineSpan().Path, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, Column: d.Location.GetLineSpan().StartLinePosition.Character + 1))
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(build, shown);
        return live;
    }

    private (string Topology, string? Policy) Prepare(string name)
    {
        switch (name)
        {
            case "broken-sample":
                return (Copy(Path.Combine(RepoPaths.Samples, "Broken", "topology.json"), "topology.json"), Copy(Path.Combine(RepoPaths.Samples, "Broken", "certificate-policy.json"), "certificate-policy.json"));
            case "contoso-with-warning":
                return (_dir.Write("topology.json", SampleInputs.ToText(SampleInputs.TopologyWithWarning())), _dir.Write("certificate-policy.json", SampleInputs.ToText(SampleInputs.Policy())));
            default:
                return (Copy(Path.Combine(RepoPaths.Shared, "topologies", name), name), null);
        }
    }

    private string Copy(string from, string name) => _dir.Write(name, File.ReadAllText(from));
}
