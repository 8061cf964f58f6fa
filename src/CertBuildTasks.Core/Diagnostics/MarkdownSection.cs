namespace CertBuildTasks.Diagnostics;

/// <summary>A "## name" section of a Markdown page the product writes or ships: a rule page's "Why", a runbook's "Steps".</summary>
public static class MarkdownSection
{
    /// <summary>The section's text up to the next "## " heading, trimmed; null when the page has no such section.</summary>
    public static string? Body(string markdown, string name)
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
}
