using System.Collections.Concurrent;
using System.Text;

namespace CertBuildTasks.Diagnostics;

/// <summary>
/// A rule's help, from its page under docs/rules/ (embedded in this assembly, the same text the package
/// ships): the "Why" section as the full description, the page itself as Markdown help. Code scanning
/// shows both beside every result.
/// </summary>
public sealed record RuleHelp(string FullDescription, string Markdown)
{
    private static readonly ConcurrentDictionary<string, RuleHelp?> Pages = new(StringComparer.Ordinal);

    /// <summary>The help of the rule with this id, or null when it has no page.</summary>
    public static RuleHelp? Find(string id) => Pages.GetOrAdd(id, Load);

    private static RuleHelp? Load(string id)
    {
        using var stream = typeof(RuleHelp).Assembly.GetManifestResourceStream("CertBuildTasks.RuleDocs." + id + ".md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var markdown = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        return new RuleHelp(Section(markdown, "Why") ?? string.Empty, markdown);
    }

    /// <summary>The text of a "## name" section, its lines joined, without Markdown code marks.</summary>
    private static string? Section(string markdown, string name) =>
        MarkdownSection.Body(markdown, name) is { } text
            ? string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Replace("`", string.Empty, StringComparison.Ordinal)
            : null;
}
