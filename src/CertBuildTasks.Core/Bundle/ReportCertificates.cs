using System.Text;
using CertBuildTasks.Generation;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;

namespace CertBuildTasks.Bundle;

/// <summary>The report's certificate matrix (server × usage) and each planned certificate with the reason for every SAN.</summary>
internal static class ReportCertificates
{
    private static readonly string[] Usages =
    [
        LyncUsage.Default, LyncUsage.WebServicesInternal, LyncUsage.WebServicesExternal, LyncUsage.Internal,
        LyncUsage.AccessEdgeExternal, LyncUsage.DataEdgeExternal, LyncUsage.AudioVideoAuthentication, LyncUsage.XmppServer, LyncUsage.OAuthTokenIssuer,
    ];

    public static void WriteMatrix(StringBuilder sb, CertificatePlan plan)
    {
        // OAuthTokenIssuer is global (assigned once, replicated by the CMS): it has its own line, not a server's cell.
        var usages = Usages.Where(u => u != LyncUsage.OAuthTokenIssuer && plan.Certificates.Any(c => c.Usages.Contains(u))).ToList();
        sb.Append("<h2 id=\"matrix\">Certificate matrix</h2>\n<div class=\"scroll\"><table class=\"matrix\">\n<tr><th>server</th>");
        foreach (var usage in usages)
        {
            sb.Append("<th>").Append(HtmlText.Encode(usage)).Append("</th>");
        }

        sb.Append("</tr>\n");
        foreach (var server in RunbookGenerator.ServersInOrder(plan))
        {
            sb.Append("<tr><th>").Append(HtmlText.Encode(server)).Append("</th>");
            foreach (var usage in usages)
            {
                var certificate = plan.Certificates.FirstOrDefault(c => c.Usages.Contains(usage) && c.Servers.Contains(server));
                sb.Append(certificate is null ? "<td class=\"none\">—</td>" : "<td class=\"ok\">" + ReportWriter.Link(certificate.Id, certificate.SubjectName) + "</td>");
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</table></div>\n");
        foreach (var oauth in plan.Certificates.Where(c => c.Usages.Contains(LyncUsage.OAuthTokenIssuer)))
        {
            sb.Append("<p>Global OAuthTokenIssuer: ").Append(ReportWriter.Link(oauth.Id, oauth.SubjectName))
              .Append(" (assigned once with <code>-Identity Global</code> on ").Append(HtmlText.Encode(oauth.RequestingServer ?? string.Empty)).Append("; the Central Management Store replicates it to every Front End).</p>\n");
        }

        foreach (var outside in plan.Certificates.Where(c => c.IsOutsideLync))
        {
            sb.Append("<p>").Append(outside.Kind == CertificateKind.ReverseProxy ? "Reverse proxy" : "Office Web Apps farm").Append(": ").Append(ReportWriter.Link(outside.Id, outside.SubjectName))
              .Append(" (not a Lync role: ").Append(outside.Kind == CertificateKind.ReverseProxy ? "bound on the proxy" : "taken by New-OfficeWebAppsFarm -CertificateName").Append(").</p>\n");
        }
    }

    public static void Write(StringBuilder sb, CertificatePlan plan, IReadOnlyDictionary<string, IssuedRecord> issued)
    {
        sb.Append("<h2 id=\"certificates\">Certificates</h2>\n");
        foreach (var c in plan.Certificates)
        {
            sb.Append("<h3 id=\"").Append(HtmlText.Anchor(c.Id)).Append("\">").Append(HtmlText.Encode(c.Id)).Append("</h3>\n<table>\n");
            Row(sb, "usages", c.Usages.IsEmpty ? (c.Kind == CertificateKind.OfficeWebApps ? "none (Office Web Apps farm)" : "none (reverse proxy)") : string.Join(", ", c.Usages));
            Row(sb, "subject", "CN=" + c.SubjectName);
            Row(sb, "servers", c.Servers.IsEmpty ? (c.Kind == CertificateKind.OAuthTokenIssuer ? "global (every Front End, through the Central Management Store)" : "none (not a Lync server)") : string.Join(", ", c.Servers));
            Row(sb, "key", $"RSA {c.KeySize} bits, {(c.ExportablePrivateKey ? "exportable" : "not exportable")}, {c.CryptoProvider}");
            Row(sb, "request digest", c.HashAlgorithm);
            Row(sb, "CA", (c.CertificateAuthority == AuthorityKind.Public ? "public" : "internal") + (c.CaConfig is null ? string.Empty : " (" + c.CaConfig + ")") + (c.Template is null ? string.Empty : ", template " + c.Template));
            Row(sb, "request", c.RequestMode.ToString().ToLowerInvariant() + (c.RequestingServer is null ? string.Empty : " on " + c.RequestingServer));
            Row(sb, "friendly name", c.FriendlyName);
            Row(sb, "issued", issued.TryGetValue(c.Id, out var r) ? $"thumbprint {r.Thumbprint}, valid {ReportWriter.Date(r.NotBefore)} to {ReportWriter.Date(r.NotAfter)}, from {r.File}" : "not yet");
            sb.Append("</table>\n<table>\n<tr><th>SAN</th><th>why it is there</th></tr>\n");
            foreach (var san in c.SubjectAlternativeNames)
            {
                // One name can be there for several reasons; the same reason is said once.
                sb.Append("<tr><td><code>").Append(HtmlText.Encode(san.Name)).Append("</code></td><td class=\"reason\">")
                  .Append(HtmlText.Encode(string.Join("; ", san.Reasons.Distinct(StringComparer.Ordinal)))).Append("</td></tr>\n");
            }

            sb.Append("</table>\n");
        }
    }

    private static void Row(StringBuilder sb, string name, string value) =>
        sb.Append("<tr><th>").Append(HtmlText.Encode(name)).Append("</th><td>").Append(HtmlText.Encode(value)).Append("</td></tr>\n");
}
