using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Rules;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Catalog;

/// <summary>
/// The generated parts of docs/rules/: each page's header (title, severity, category, configurability,
/// the public source the rule follows, the code that reports it) and the catalogue's rows, made from
/// the descriptors in code and docs/rules/sources.tsv. What a person writes — the "Why", "How to fix",
/// the release a rule belongs to, the reason a rule cannot be configured — is kept as written.
/// RuleDocsTests fails when a file differs; `dotnet test --filter RuleDocs -e UPDATE_RULE_DOCS=1`
/// rewrites them.
/// </summary>
internal static partial class RuleDocsGenerator
{
    public static readonly string RulesDocs = Path.Combine(RepoPaths.Docs, "rules");

    public sealed record Source(string Title, string? Url, string Section);

    /// <summary>docs/rules/sources.tsv: id, title of the source, its URL (empty for a product decision), the section that says it.</summary>
    public static IReadOnlyDictionary<string, Source> Sources() =>
        File.ReadAllLines(Path.Combine(RulesDocs, "sources.tsv"))
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .ToDictionary(f => f[0], f => new Source(f[1], f[2].Length == 0 ? null : f[2], f[3]), StringComparer.Ordinal);

    public static string SeverityName(DiagnosticSeverity s) => s switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };

    /// <summary>The page with its header made from the code; the rest (from "## Why") as written.</summary>
    public static string Page(DiagnosticDescriptor descriptor, string current, Source source)
    {
        var why = current.IndexOf("\n## Why", StringComparison.Ordinal);
        Assert.True(why >= 0, descriptor.Id + ".md has no \"## Why\" section");
        var configurable = ConfigurableRow().Match(current[..why]) is { Success: true } row && !descriptor.IsConfigurable && row.Groups["value"].Value.StartsWith("no", StringComparison.Ordinal)
            ? row.Groups["value"].Value
            : descriptor.IsConfigurable ? "yes" : "no";
        var sb = new StringBuilder();
        sb.Append("# ").Append(descriptor.Id).Append(": ").Append(descriptor.Title).Append("\n\n| | |\n|---|---|\n")
          .Append("| Severity | ").Append(SeverityName(descriptor.DefaultSeverity)).Append(" |\n")
          .Append("| Category | ").Append(descriptor.Category).Append(" |\n")
          .Append("| Configurable | ").Append(configurable).Append(" |\n")
          .Append("| Source | ").Append(Citation(source)).Append(" |\n")
          .Append("| Code | `").Append(CodeFile(descriptor)).Append("` |\n");
        return sb.Append(current[why..]).ToString();
    }

    /// <summary>The public page or RFC behind a rule, or the product decision it carries out.</summary>
    public static string Citation(Source source)
    {
        var title = Cell(source.Title);
        var section = Cell(source.Section);
        return source.Url is null
            ? "CertBuildTasks product contract (" + title + "): " + section
            : "[" + title + "](" + source.Url + "), " + section;
    }

    /// <summary>The catalogue with every rule row's category, severity and title taken from the code; which release lists it stays as written.</summary>
    public static string Catalogue(string current)
    {
        var byId = RuleCatalog.AllDescriptors.ToDictionary(d => d.Id, StringComparer.Ordinal);
        return CatalogRow().Replace(current, m => byId.TryGetValue(m.Groups["id"].Value, out var d)
            ? $"| [{d.Id}]({d.Id}.md) | {d.Category} | {SeverityName(d.DefaultSeverity)} | {Cell(d.Title)} |"
            : m.Value);
    }

    /// <summary>The file of the type that declares the descriptor (its assembly names the project, the namespace the folder).</summary>
    public static string CodeFile(DiagnosticDescriptor descriptor)
    {
        var type = new[] { typeof(RuleCatalog).Assembly, typeof(ValidationRules).Assembly }.SelectMany(a => a.GetTypes())
            .FirstOrDefault(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Any(f => f.FieldType == typeof(DiagnosticDescriptor) && ReferenceEquals(f.GetValue(null), descriptor)));
        Assert.True(type is not null, "no type declares " + descriptor.Id);
        while (type!.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        var folder = type.Namespace!["CertBuildTasks".Length..].TrimStart('.').Replace('.', '/');
        var path = "src/" + type.Assembly.GetName().Name + "/" + (folder.Length == 0 ? string.Empty : folder + "/") + type.Name + ".cs";
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, path)), descriptor.Id + " is declared in " + type.FullName + ", expected in " + path);
        return path;
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    [GeneratedRegex(@"^\| Configurable \| (?<value>.*) \|$", RegexOptions.Multiline)]
    private static partial Regex ConfigurableRow();

    [GeneratedRegex(@"^\| \[(?<id>CBT\d{4})\]\(CBT\d{4}\.md\) \| [^|]+ \| [^|]+ \| [^|]+ \|$", RegexOptions.Multiline)]
    private static partial Regex CatalogRow();
}
