using System.Text.RegularExpressions;

namespace CertBuildTasks.Cli.Tests.Catalog;

/// <summary>
/// The tool is a front end and nothing more: it fills PipelineInputs and prints what the stages found.
/// Its sources call no reader, rule, planner, gate or generator themselves — what it needs of the
/// stages comes through CertificatePipeline (and the conversion through TopologyConversion, as the task's).
/// </summary>
public sealed partial class FrontEndTests
{
    /// <summary>What only a stage may call: the readers, the validator and planner, the stages, the generators, the rules.</summary>
    [GeneratedRegex(@"\b(InputValidator|PlanStage|Planner|IssuedStage\.Run|DeployedStage\.Run|GenerationStage|CsrStage|TopologyLoader|TopologyJsonReader|TopologyXmlReader|PolicyJsonReader|CertificateFileReader|DeployedCertificateReader|IssuedMatcher|ChainBuilder|PlanJsonWriter|ManifestWriter|BundlePublisher|SarifLogWriter\.Write\(|RuleRunner|\w+Rule\.Analyze)\b")]
    private static partial Regex StageCall();

    [Fact]
    public void The_tools_sources_call_no_stage_logic()
    {
        var sources = Directory.GetFiles(Path.Combine(RepoPaths.Root, "src", "CertBuildTasks.Cli"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(sources.Count >= 10, "the tool's sources were not found");

        var calls = sources
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal) && StageCall().IsMatch(l.Text))
            .Select(l => $"{l.File}({l.Line}): {l.Text.Trim()}")
            .ToList();
        Assert.Empty(calls);
    }
}
