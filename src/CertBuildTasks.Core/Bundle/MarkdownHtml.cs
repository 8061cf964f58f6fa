using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CertBuildTasks.Bundle;

/// <summary>
/// Markdown the bundle already holds (the runbooks' steps, the rule pages), rendered for the report by
/// a CommonMark renderer rather than re-written: the report shows the same commands, literally, as the
/// runbook a deployer follows. Raw HTML is rendered as text, so a name that reached a runbook escaped
/// for Markdown cannot become markup here.
/// </summary>
internal static class MarkdownHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    public static string Render(string markdown) => Render(markdown, null);

    /// <param name="link">
    /// Where a relative link of the text goes in the report (a rule page becomes the rule's section);
    /// null keeps only the link's text, so the report has no link to a file it does not carry.
    /// </param>
    public static string Render(string markdown, Func<string, string?>? link)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var inline in document.Descendants<LinkInline>().ToList())
        {
            if (inline.Url is null || Uri.TryCreate(inline.Url, UriKind.Absolute, out _) || inline.Url.StartsWith('#'))
            {
                continue;
            }

            if (link?.Invoke(inline.Url) is { } target)
            {
                inline.Url = target;
            }
            else
            {
                inline.ReplaceBy(new LiteralInline(TextOf(inline)));
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>The body of a "## name" section (up to the next "## " heading), or null.</summary>
    public static string? Section(string markdown, string name)
    {
        var heading = "\n## " + name + "\n";
        var start = ("\n" + markdown).IndexOf(heading, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var body = markdown[(start + heading.Length - 1)..];
        var end = body.IndexOf("\n## ", StringComparison.Ordinal);
        return (end < 0 ? body : body[..end]).Trim();
    }

    private static string TextOf(ContainerInline container)
    {
        var sb = new StringBuilder();
        foreach (var child in container.Descendants<LiteralInline>())
        {
            sb.Append(child.Content.ToString());
        }

        foreach (var code in container.Descendants<CodeInline>())
        {
            sb.Append(code.Content);
        }

        return sb.ToString();
    }
}
