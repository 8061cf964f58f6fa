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

        // Only links the report can stand behind stay links: http(s), mailto, anchors in the page, and
        // what the caller maps a relative link to. Anything else (javascript:, data:, file paths,
        // autolinks to them) and every image (the page loads nothing from elsewhere) becomes its text.
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsSafe(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url), copyChildren: false);
            }
        }

        foreach (var inline in document.Descendants<LinkInline>().ToList())
        {
            var target = inline.IsImage ? null
                : inline.Url is { } url && IsSafe(url) ? url
                : inline.Url is { } relative && !Uri.TryCreate(relative, UriKind.Absolute, out _) && !relative.StartsWith('/') ? link?.Invoke(relative)
                : null;
            if (target is not null && (IsSafe(target) || target.StartsWith('#')))
            {
                inline.Url = target;
            }
            else
            {
                inline.ReplaceBy(new LiteralInline(TextOf(inline)), copyChildren: false);
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static bool IsSafe(string url) =>
        url.StartsWith('#') && url.Length > 1
        || Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "mailto" && !url.StartsWith('/');

    /// <summary>A link's text as it reads, code spans in their place.</summary>
    private static string TextOf(ContainerInline container)
    {
        var sb = new StringBuilder();
        foreach (var child in container)
        {
            switch (child)
            {
                case LiteralInline literal: sb.Append(literal.Content.ToString()); break;
                case CodeInline code: sb.Append(code.Content); break;
                case ContainerInline inner: sb.Append(TextOf(inner)); break;
            }
        }

        return sb.ToString();
    }
}
