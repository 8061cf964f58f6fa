using System.Globalization;
using System.Text;
using CertBuildTasks.Deployed;
using CertBuildTasks.Naming;
using CertBuildTasks.Planning;

namespace CertBuildTasks.Bundle;

/// <summary>
/// The report's part about the certificates in service: their expiry (earliest first, coloured by
/// urgency, days left counted from the build's instant) and a drift table of planned against deployed
/// names.
/// </summary>
internal static class DeployedReport
{
    public static void Write(StringBuilder sb, ReportContent content, CertificatePlan plan)
    {
        var deployed = content.Deployed;
        if (deployed.Count == 0)
        {
            return;
        }

        var ordered = deployed.OrderBy(d => d.NotAfter).ThenBy(d => d.Server, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Thumbprint, StringComparer.Ordinal).ToList();
        var entries = ordered.Select(ExpiryEntry.Of).ToList();
        var axis = ReportExpiry.Axis.Of(entries, content.AsOf);
        sb.Append("<h2 id=\"in-service\">Certificates in service</h2>\n<p>").Append(deployed.Count).Append(" assignments read from the DeployedCertificate items; the first expires ")
          .Append(Date(ordered[0].NotAfter)).Append(", the last ").Append(Date(ordered[^1].NotAfter)).Append(". Renewal scripts: <code>global\\renewal\\</code>.</p>\n");
        sb.Append("<div class=\"scroll\"><table class=\"expiry\">\n<tr><th>server</th><th>usages</th><th>thumbprint</th><th>status</th><th>days left</th><th>renew by</th><th>valid</th><th>expires</th></tr>\n");
        for (var i = 0; i < ordered.Count; i++)
        {
            var d = ordered[i];
            var cells = "<td>" + HtmlText.Encode(string.Join(", ", d.Usages)) + "</td><td><code>" + HtmlText.Encode(d.Thumbprint) + "</code></td>";
            ReportExpiry.Row(sb, content, entries[i], HtmlText.Encode(d.Server), axis, cells);
        }

        sb.Append("</table></div>\n");
        WriteDrift(sb, plan, ordered);
    }

    private static void WriteDrift(StringBuilder sb, CertificatePlan plan, List<DeployedCertificate> deployed)
    {
        sb.Append("<h3>Drift: planned against deployed names</h3>\n<div class=\"scroll\"><table>\n<tr><th>server</th><th>usage</th><th>planned certificate</th><th>missing from the deployed certificate</th><th>deployed but no longer planned</th></tr>\n");
        var rows = 0;
        var set = new DeployedSet(plan, deployed, default, plan.Policy);
        foreach (var d in deployed.OrderBy(d => d.Server, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Thumbprint, StringComparer.Ordinal))
        {
            foreach (var usage in d.Usages)
            {
                if (set.PlannedFor(d.Server, usage) is not { } planned)
                {
                    sb.Append("<tr><td>").Append(HtmlText.Encode(d.Server)).Append("</td><td>").Append(HtmlText.Encode(usage))
                      .Append("</td><td class=\"warning\">none in the plan</td><td></td><td></td></tr>\n");
                    rows++;
                    continue;
                }

                var deployedNames = DeployedNames.Of(d);
                var plannedNames = planned.SanNames.ToHashSet(DnsName.Comparer);
                var missing = planned.SanNames.Where(n => !DeployedNames.Covered(n, deployedNames)).ToList();
                var extra = d.DnsNames.Where(n => !plannedNames.Contains(n)).ToList();
                if (missing.Count == 0 && extra.Count == 0)
                {
                    continue;
                }

                sb.Append("<tr><td>").Append(HtmlText.Encode(d.Server)).Append("</td><td>").Append(HtmlText.Encode(usage))
                  .Append("</td><td><a href=\"#").Append(HtmlText.Anchor(planned.Id)).Append("\">").Append(HtmlText.Encode(planned.Id)).Append("</a></td>")
                  .Append("<td class=\"error\">").Append(HtmlText.Encode(string.Join(", ", missing))).Append("</td>")
                  .Append("<td class=\"reason\">").Append(HtmlText.Encode(string.Join(", ", extra))).Append("</td></tr>\n");
                rows++;
            }
        }

        if (rows == 0)
        {
            sb.Append("<tr><td colspan=\"5\">Every certificate in service carries exactly the names its planned certificate has.</td></tr>\n");
        }

        sb.Append("</table></div>\n");
    }

    private static string Date(DateTimeOffset time) => ReportWriter.Date(time);
}
