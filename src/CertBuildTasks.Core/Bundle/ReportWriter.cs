using System.Globalization;
using System.Text;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Planning;

namespace CertBuildTasks.Bundle;

/// <summary>
/// report.html, for the person who deploys: what needs attention first (errors, certificates that
/// expire, certificates not yet issued, what goes to a public CA), the steps per server in runbook
/// order, the expiry timeline with today marked, the certificate matrix, each certificate with the
/// reason for every SAN, and every finding with its rule explained. One self-contained page (inline
/// CSS, no script, no external resource) that lays out at a phone's width. Every string from the
/// inputs is HTML-encoded; dates are days of the build's instant, so the same inputs and
/// CertValidationTime give the same bytes.
/// </summary>
public static class ReportWriter
{
    private const string Style = """
        *{box-sizing:border-box}
        body{font-family:Segoe UI,Helvetica,Arial,sans-serif;margin:0 auto;padding:1em;color:#1b1b1b;max-width:78em;line-height:1.45}
        h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ccc}h3{font-size:1.05em;margin-bottom:.3em}
        table{border-collapse:collapse;margin:.5em 0 1em}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top;overflow-wrap:anywhere}
        th{background:#f2f2f2}td.ok{background:#e8f5e9}td.none{color:#999}code{font-size:.95em;overflow-wrap:anywhere}
        .scroll{overflow-x:auto;max-width:100%}
        .error,.expired{color:#b00020;font-weight:600}.warning,.urgent{color:#a04000;font-weight:600}.soon{color:#7a6000;font-weight:600}.info{color:#555}
        .banner{border:2px solid #b00020;background:#fdecea;padding:.5em 1em}
        .facts span{display:inline-block;margin-right:1.5em}.matrix th,.matrix td{font-size:.82em;padding:.2em .35em}
        .track{background:#f2f2f2;position:relative;height:1.1em;min-width:6em}.bar{position:absolute;top:0;bottom:0;background:#7cb342}
        .bar.soon{background:#fbc02d}.bar.urgent{background:#ef6c00}.bar.expired{background:#b00020}
        .today{position:absolute;top:-.25em;bottom:-.25em;width:2px;background:#1b1b1b}
        .reason{color:#555}details{margin:.3em 0}summary{cursor:pointer;font-weight:600}
        """;

    public static string Write(ReportContent content)
    {
        var sb = new StringBuilder();
        var project = HtmlText.Encode(content.ProjectName);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
          .Append(project).Append(" — Lync / Skype for Business certificates</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        sb.Append("<h1>").Append(project).Append(": Lync / Skype for Business certificates</h1>\n");
        WriteFacts(sb, content);
        var expiry = ReportExpiry.Entries(content);
        var sections = new List<(string Id, string Title)> { ("attention", "Needs attention first") };
        if (content.Plan is not null)
        {
            sections.Add(("steps", "Deployment steps"));
            if (expiry.Count > 0)
            {
                sections.Add(("expiry", "Expiry"));
            }

            sections.Add(("matrix", "Certificate matrix"));
            if (content.Deployed.Count > 0)
            {
                sections.Add(("in-service", "Certificates in service"));
            }

            sections.Add(("certificates", "Certificates"));
        }

        sections.Add(("diagnostics", "Diagnostics"));
        if (content.Diagnostics.Count > 0)
        {
            sections.Add(("rules", "Rules reported"));
        }

        sb.Append("<nav aria-label=\"contents\"><h2>Contents</h2>\n<ol>\n");
        foreach (var (id, title) in sections)
        {
            sb.Append("<li><a href=\"#").Append(id).Append("\">").Append(title).Append("</a></li>\n");
        }

        sb.Append("</ol></nav>\n");
        ReportAttention.Write(sb, content, expiry);
        if (content.Plan is { } plan)
        {
            ReportSteps.Write(sb, content, plan);
            ReportExpiry.Write(sb, content, expiry);
            ReportCertificates.WriteMatrix(sb, plan);
            DeployedReport.Write(sb, content, plan);
            ReportCertificates.Write(sb, plan, content.Issued);
        }

        WriteDiagnostics(sb, content);
        ReportRules.Write(sb, content);
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static void WriteFacts(StringBuilder sb, ReportContent content)
    {
        if (content.Failed)
        {
            sb.Append("<p class=\"banner\"><strong>This build failed</strong>: no bundle was made from these inputs, and a bundle made before is left as it was. Fix the <a href=\"#diagnostics\">errors</a> and build again.</p>\n");
        }

        sb.Append("<p class=\"facts\">");
        if (content.Plan is { } plan)
        {
            sb.Append("<span>").Append(HtmlText.Encode(plan.Topology.ProductVersion.Value.ToString())).Append("</span>")
              .Append("<span>SIP domains: ").Append(HtmlText.Encode(string.Join(", ", plan.Topology.SipDomains.Select(d => d.Value.ToLowerInvariant())))).Append("</span>")
              .Append("<span>").Append(plan.Certificates.Length).Append(" certificates</span>")
              .Append("<span>").Append(content.Issued.Count).Append(" issued and accepted</span>");
        }

        sb.Append("<span class=\"error\">").Append(content.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)).Append(" errors</span>")
          .Append("<span class=\"warning\">").Append(content.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning)).Append(" warnings</span>")
          .Append("</p>\n<p>Status as of ").Append(Date(content.AsOf)).Append(" (the build's time). Generated by CertBuildTasks ").Append(HtmlText.Encode(content.ToolVersion));
        sb.Append(content.Plan is null ? "." : " from <code>plan.json</code>; the deployment order is <code>global\\runbook.md</code>.").Append("</p>\n");
    }

    private static void WriteDiagnostics(StringBuilder sb, ReportContent content)
    {
        sb.Append("<h2 id=\"diagnostics\">Diagnostics</h2>\n");
        if (content.Diagnostics.Count == 0)
        {
            sb.Append("<p>None.</p>\n");
            return;
        }

        sb.Append("<div class=\"scroll\"><table>\n<tr><th>severity</th><th>rule</th><th>where</th><th>message</th></tr>\n");
        foreach (var d in content.Diagnostics)
        {
            var where = d.Location.IsNone ? string.Empty : SarifLogWriter.RelativeUri(content.ProjectDirectory, d.Location.FilePath).Replace("%20", " ", StringComparison.Ordinal) + (d.Location.Line > 0 ? $"({d.Location.Line},{d.Location.Column})" : string.Empty);
            var severity = d.Severity.ToString().ToLowerInvariant();
            sb.Append("<tr><td class=\"").Append(severity).Append("\">").Append(severity).Append("</td><td><a href=\"#").Append(ReportRules.Anchor(d.Id)).Append("\" title=\"")
              .Append(HtmlText.Encode(d.Descriptor.Title)).Append("\">").Append(HtmlText.Encode(d.Id)).Append("</a></td><td><code>").Append(HtmlText.Encode(where)).Append("</code></td><td>")
              .Append(HtmlText.Encode(d.Message)).Append("</td></tr>\n");
        }

        sb.Append("</table></div>\n");
    }

    internal static string Date(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Link(string id, string text) =>
        "<a href=\"#" + HtmlText.Anchor(id) + "\">" + HtmlText.Encode(text) + "</a>";
}
