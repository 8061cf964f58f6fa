using System.Text;
using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Bundle;

/// <summary>
/// The rules the report's findings name, explained inside the report: its "Why" and "How to fix" from
/// the rule's page (embedded, the same text the package ships), so a rule link works wherever the
/// bundle is copied — a deploying server has no docs/rules/ folder. When the pages are published on the
/// web (CertRulesHelpBaseUri), each rule also links to its page there.
/// </summary>
internal static class ReportRules
{
    public static string Anchor(string id) => "rule-" + HtmlText.Anchor(id)[2..];

    /// <summary>CBT and four digits: only such an id names a page (a damaged build state may hold anything).</summary>
    private static bool IsRuleId(string id) => id.Length == 7 && id.StartsWith("CBT", StringComparison.Ordinal) && id[3..].All(char.IsAsciiDigit);

    public static void Write(StringBuilder sb, ReportContent content)
    {
        var rules = content.Diagnostics.Select(d => d.Descriptor).DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        if (rules.Count == 0)
        {
            return;
        }

        var web = content.HelpBase is { Scheme: "https" or "http" } ? content.HelpBase : null;
        var reported = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

        // A page's link to another rule goes to that rule's section when the report has one, else to its published page.
        string? Link(string url)
        {
            var id = Path.GetFileNameWithoutExtension(url);
            return !url.EndsWith(".md", StringComparison.Ordinal) || !IsRuleId(id) || url != id + ".md" || RuleHelp.Find(id) is null ? null
                : reported.Contains(id) ? "#" + Anchor(id)
                : web is null ? null : new Uri(web, id + ".md").AbsoluteUri;
        }

        sb.Append("<h2 id=\"rules\">Rules reported</h2>\n");
        foreach (var rule in rules)
        {
            sb.Append("<section id=\"").Append(Anchor(rule.Id)).Append("\"><h3>").Append(HtmlText.Encode(rule.Id)).Append(": ").Append(HtmlText.Encode(rule.Title)).Append("</h3>\n");
            var page = RuleHelp.Find(rule.Id)?.Markdown;
            foreach (var part in new[] { "Why", "How to fix" })
            {
                if (page is not null && MarkdownSection.Body(page, part) is { Length: > 0 } text)
                {
                    sb.Append("<h4>").Append(part).Append("</h4>\n").Append(MarkdownHtml.Render(text, Link));
                }
            }

            if (web is not null && IsRuleId(rule.Id))
            {
                sb.Append("<p><a href=\"").Append(HtmlText.Encode(rule.HelpUri(web))).Append("\">The rule's page</a></p>\n");
            }

            sb.Append("</section>\n");
        }
    }
}
