using System.Globalization;
using System.Text;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Generation;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;

namespace CertBuildTasks.Bundle;

/// <summary>
/// The top of the report: what the deployer deals with first — errors, certificates that expired or
/// are due, certificates the CA has not issued yet, the requests that go to a public CA — each linked
/// to where the report says more. Long lists are cut, saying how many more there are.
/// </summary>
internal static class ReportAttention
{
    private const int MaxListed = 12;

    public static void Write(StringBuilder sb, ReportContent content, IReadOnlyList<(string Source, ExpiryEntry Entry)> expiry)
    {
        sb.Append("<h2 id=\"attention\">Needs attention first</h2>\n<ul class=\"attention\">\n");
        var items = 0;
        var errors = content.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            sb.Append("<li class=\"error\">").Append(Count(errors.Count, "error")).Append(content.Failed ? " stopped the build" : string.Empty).Append(": ")
              .Append(string.Join(", ", errors.Select(e => e.Id).Distinct(StringComparer.Ordinal).Select(id => "<a href=\"#" + ReportRules.Anchor(id) + "\">" + HtmlText.Encode(id) + "</a>")))
              .Append(" (<a href=\"#diagnostics\">where</a>).</li>\n");
            items++;
        }

        var due = expiry.Select(x => (x.Source, x.Entry, Urgency: x.Entry.Urgency(content.AsOf, content.RenewalWindowDays)))
            .Where(x => x.Urgency != ExpiryUrgency.Ok).OrderBy(x => x.Entry.NotAfter).ToList();
        foreach (var (source, e, urgency) in due.Take(MaxListed))
        {
            var days = e.DaysLeft(content.AsOf);
            sb.Append("<li class=\"").Append(ReportExpiry.Css(urgency)).Append("\">")
              .Append(e.Anchor is null ? HtmlText.Encode(e.Label) : ReportWriter.Link(e.Anchor, e.Label))
              .Append(" (").Append(HtmlText.Encode(e.Usages.Length == 0 ? source : source + ": " + e.Usages)).Append(") ")
              .Append(urgency == ExpiryUrgency.Expired
                  ? "expired on " + ReportWriter.Date(e.NotAfter)
                  : "expires in " + Count(days, "day") + " on " + ReportWriter.Date(e.NotAfter) + "; renew by " + ReportWriter.Date(e.RenewBy(content.RenewalWindowDays)))
              .Append(e.Staged ? " — a staged roll-over: follow <code>global\\renewal\\runbook.md</code>" : string.Empty).Append(".</li>\n");
            items++;
        }

        if (due.Count > MaxListed)
        {
            sb.Append("<li>and ").Append(due.Count - MaxListed).Append(" more certificates due (see <a href=\"#expiry\">Expiry</a>).</li>\n");
        }

        if (content.Plan is { } plan)
        {
            items += WriteNotIssued(sb, content, plan);
            items += WritePublic(sb, content, plan);
        }

        if (items == 0)
        {
            sb.Append("<li>Nothing: no errors, nothing expires within ").Append(Count(2 * content.RenewalWindowDays, "day")).Append(", and every planned certificate was issued.</li>\n");
        }

        var warnings = content.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        if (warnings > 0)
        {
            sb.Append("<li class=\"warning\">").Append(Count(warnings, "warning")).Append(" (<a href=\"#diagnostics\">Diagnostics</a>).</li>\n");
        }

        sb.Append("</ul>\n");
    }

    private static int WriteNotIssued(StringBuilder sb, ReportContent content, CertificatePlan plan)
    {
        var missing = plan.Certificates.Where(c => !content.Issued.ContainsKey(c.Id)).ToList();
        if (missing.Count == 0)
        {
            return 0;
        }

        sb.Append("<li>").Append(missing.Count == plan.Certificates.Length ? "No certificate is issued yet" : Count(missing.Count, "certificate") + " not issued yet").Append(": ")
          .Append(string.Join(", ", missing.Take(MaxListed).Select(c => ReportWriter.Link(c.Id, c.Id))))
          .Append(missing.Count > MaxListed ? $" and {missing.Count - MaxListed} more" : string.Empty)
          .Append(". The <a href=\"#steps\">deployment steps</a> request them; add the issued files as <code>IssuedCertificate</code> items to gate them.</li>\n");
        return 1;
    }

    private static int WritePublic(StringBuilder sb, ReportContent content, CertificatePlan plan)
    {
        var toPublic = plan.Certificates.Where(c => c.CertificateAuthority == AuthorityKind.Public && !content.Issued.ContainsKey(c.Id)).ToList();
        if (toPublic.Count == 0)
        {
            return 0;
        }

        var csrs = content.Generated.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        sb.Append("<li>To the public CA").Append(plan.Policy.PublicCaName is { } name ? " (" + HtmlText.Encode(name.Value) + ")" : string.Empty).Append(": ");
        sb.Append(string.Join("; ", toPublic.Take(MaxListed).Select(c =>
            ReportWriter.Link(c.Id, c.Id) + " — submit "
            + (csrs.Contains(BundlePaths.Csr(c))
                ? "<code>" + HtmlText.Encode(BundlePaths.Csr(c).Replace('/', '\\')) + "</code> from the bundle"
                : "the <code>.req</code> the request script writes" + (c.RequestingServer is { } server ? " on " + HtmlText.Encode(server) : string.Empty)))));
        sb.Append(toPublic.Count > MaxListed ? $"; and {toPublic.Count - MaxListed} more" : string.Empty).Append(".</li>\n");
        return 1;
    }

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
}
