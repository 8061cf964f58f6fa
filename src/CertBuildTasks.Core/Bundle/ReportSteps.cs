using System.Text;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Generation;
using CertBuildTasks.Planning;

namespace CertBuildTasks.Bundle;

/// <summary>
/// The report's deployment steps: the order of global\runbook.md, then each server's steps from its
/// runbook, in that order — rendered from the runbooks generation wrote, so the report and the
/// runbooks never disagree about a command.
/// </summary>
internal static class ReportSteps
{
    /// <summary>
    /// Servers whose steps the page shows; an estate beyond it is deployed from the runbooks (a page of
    /// 10,000 servers' steps is read by nobody and weighs tens of megabytes).
    /// </summary>
    internal const int MaxServers = 200;

    public static void Write(StringBuilder sb, ReportContent content, CertificatePlan plan)
    {
        sb.Append("<h2 id=\"steps\">Deployment steps</h2>\n");
        // Decoded only for the runbooks the page shows (an estate has one per server).
        var runbooks = content.Generated.Where(f => f.RelativePath.EndsWith("/" + BundlePaths.Runbook, StringComparison.Ordinal))
            .ToDictionary(f => f.RelativePath, StringComparer.Ordinal);
        if (runbooks.Count == 0)
        {
            sb.Append("<p>No runbook was generated").Append(content.Failed ? ": the build failed before generation." : ".").Append("</p>\n");
            return;
        }

        if (runbooks.TryGetValue(BundlePaths.GlobalFolder + "/" + BundlePaths.Runbook, out var deployment) && Order(Text(deployment)) is { } order)
        {
            sb.Append("<p>In this order (<code>global\\runbook.md</code>; paths are relative to the bundle folder):</p>\n").Append(MarkdownHtml.Render(order));
        }

        sb.Append("<p>What to run on each server, in an elevated Windows PowerShell, in the same order:</p>\n");
        var servers = RunbookGenerator.ServersInOrder(plan);
        foreach (var server in servers.Take(MaxServers))
        {
            var path = BundlePaths.Server(server) + "/" + BundlePaths.Runbook;
            if (!runbooks.TryGetValue(path, out var runbook) || MarkdownSection.Body(Text(runbook), "Steps") is not { } steps)
            {
                continue;
            }

            sb.Append("<details><summary>").Append(HtmlText.Encode(server)).Append("</summary>\n")
              .Append(MarkdownHtml.Render(steps))
              .Append("<p>From <code>").Append(HtmlText.Encode(path.Replace('/', '\\'))).Append("</code>.</p>\n</details>\n");
        }

        if (servers.Count > MaxServers)
        {
            sb.Append("<p>And ").Append(servers.Count - MaxServers).Append(" more servers, in the order of <code>global\\runbook.md</code>: each one's steps are in <code>servers\\&lt;fqdn&gt;\\runbook.md</code>.</p>\n");
        }
    }

    private static string Text(GeneratedFile file) => Encoding.UTF8.GetString(file.Content);

    /// <summary>The numbered list at the top of the deployment runbook (up to the next paragraph that is not a step).</summary>
    private static string? Order(string runbook)
    {
        var lines = runbook.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var steps = lines.SkipWhile(l => !StartsWithNumber(l)).TakeWhile(StartsWithNumber).ToList();
        return steps.Count == 0 ? null : string.Join('\n', steps) + "\n";
    }

    private static bool StartsWithNumber(string line)
    {
        var dot = line.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 && line[..dot].All(char.IsAsciiDigit);
    }
}
