using System.Text.RegularExpressions;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Rules;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Catalog;

/// <summary>Code, catalogue (docs/rules/README.md), doc pages and tests stay in step.</summary>
public partial class RuleCatalogTests
{
    private static readonly string RulesDocs = Path.Combine(RepoPaths.Docs, "rules");

    private static string SeverityName(DiagnosticSeverity s) => s switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };

    [Fact]
    public void Ids_are_unique_well_formed_and_in_the_range_of_their_category()
    {
        var ids = RuleCatalog.AllDescriptors.Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var d in RuleCatalog.AllDescriptors)
        {
            Assert.Matches(IdPattern(), d.Id);
            var expectedDigit = d.Category switch
            {
                DiagnosticCategory.Input or DiagnosticCategory.Topology => '1',
                DiagnosticCategory.Policy or DiagnosticCategory.Plan => '2',
                DiagnosticCategory.Issued => '3',
                DiagnosticCategory.Generation => '4',
                DiagnosticCategory.Deployed => '5',
                _ => '9',
            };
            Assert.True(d.Id[3] == expectedDigit, $"{d.Id} is in category {d.Category}");
        }
    }

    [Fact]
    public void The_catalogue_lists_exactly_the_rules_in_code_with_their_category_severity_and_title()
    {
        var rows = File.ReadAllLines(Path.Combine(RulesDocs, "README.md"))
            .Select(line => CatalogRow().Match(line))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups["id"].Value, m => (Category: m.Groups["cat"].Value, Severity: m.Groups["sev"].Value, Title: m.Groups["title"].Value));
        Assert.Equal(RuleCatalog.AllDescriptors.Select(d => d.Id).Order(), rows.Keys.Order());
        foreach (var d in RuleCatalog.AllDescriptors)
        {
            Assert.Equal((d.Category, SeverityName(d.DefaultSeverity), d.Title), rows[d.Id]);
        }
    }

    [Fact]
    public void Every_rule_has_a_doc_page_that_agrees_with_the_code_and_no_page_is_orphaned()
    {
        foreach (var d in RuleCatalog.AllDescriptors)
        {
            var path = Path.Combine(RulesDocs, d.Id + ".md");
            Assert.True(File.Exists(path), "missing doc page " + d.HelpLink);
            var text = File.ReadAllLines(path);
            Assert.Equal($"# {d.Id}: {d.Title}", text[0]);
            Assert.Contains($"| Severity | {SeverityName(d.DefaultSeverity)} |", text);
            Assert.Contains($"| Category | {d.Category} |", text);
            Assert.Contains(text, l => l.StartsWith("## Why", StringComparison.Ordinal));
            Assert.Equal("docs/rules/" + d.Id + ".md", d.HelpLink);
        }

        var pages = Directory.GetFiles(RulesDocs, "CBT*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.Equal(RuleCatalog.AllDescriptors.Select(d => d.Id).Order(), pages.Order());
    }

    [Fact]
    public void Every_rule_class_lives_in_its_own_file_and_has_its_own_test_file()
    {
        var rules = RuleCatalog.TopologyRules.Cast<object>().Concat(RuleCatalog.PolicyRules).Concat(RuleCatalog.PlanRules).Concat(RuleCatalog.GenerationRules).Concat(RuleCatalog.IssuedRules).Concat(RuleCatalog.DeployedRules);
        foreach (var rule in rules)
        {
            var type = rule.GetType();
            var folder = type.Namespace!.Split('.').Last(); // Topology, Policy, …
            Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "src", type.Assembly.GetName().Name!, "Rules", folder, type.Name + ".cs")), type.Name + ".cs");
            Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "tests", "CertBuildTasks.Tests", "Rules", folder, type.Name + "Tests.cs")), type.Name + "Tests.cs");
        }
    }

    [GeneratedRegex(@"^CBT\d{4}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\| \[(?<id>CBT\d{4})\]\(CBT\d{4}\.md\) \| (?<cat>[^|]+) \| (?<sev>[^|]+) \| (?<title>[^|]+) \|$")]
    private static partial Regex CatalogRow();
}
