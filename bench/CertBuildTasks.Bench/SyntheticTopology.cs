using System.Globalization;
using System.Text;

namespace CertBuildTasks.Bench;

/// <summary>
/// Generates realistic topologies of any size in the JSON format, so tests and benchmarks exercise
/// the real reader: per site a Front End pool, a Director pool, an Edge pool and a Mediation pool,
/// repeated until the server count is reached. Sites grow with the size (one per 500 servers); the
/// number of SIP domains is fixed (4 by default) so that the cost per server stays comparable.
/// Shared by the benchmarks and the tests (linked into the test project).
/// </summary>
public static class SyntheticTopology
{
    public static string Json(int servers, int? sipDomains = null, int? sites = null)
    {
        var domainCount = sipDomains ?? 4;
        var siteCount = sites ?? Math.Max(1, servers / 500);
        var domains = Enumerable.Range(0, domainCount).Select(i => i == 0 ? "contoso.com" : $"domain{i}.example.com").ToList();

        var sb = new StringBuilder();
        sb.Append("{\n  \"productVersion\": \"SfB2015\",\n  \"sipDomains\": [");
        sb.AppendJoin(", ", domains.Select(d => $"\"{d}\""));
        sb.Append("],\n  \"simpleUrls\": {\n    \"meet\": [");
        sb.AppendJoin(", ", domains.Select(d => $"{{ \"domain\": \"{d}\", \"url\": \"https://meet.{d}\" }}"));
        sb.Append("],\n    \"dialin\": \"https://dialin.contoso.com\",\n    \"admin\": \"https://admin.contoso.com\"\n  },\n");
        sb.Append("  \"sites\": [\n");

        var remaining = servers;
        var perSite = (int)Math.Ceiling(servers / (double)siteCount);
        var poolNumber = 0;
        for (var s = 0; s < siteCount && remaining > 0; s++)
        {
            if (s > 0)
            {
                sb.Append(",\n");
            }

            sb.Append(CultureInfo.InvariantCulture, $"    {{ \"name\": \"Site{s}\", \"pools\": [\n");
            var budget = Math.Min(perSite, remaining);
            remaining -= budget;
            var firstPool = true;
            while (budget > 0)
            {
                foreach (var (role, size) in new[] { ("FrontEnd", 12), ("Director", 2), ("Edge", 2), ("Mediation", 2) })
                {
                    if (budget <= 0)
                    {
                        break;
                    }

                    var count = Math.Min(size, budget);
                    budget -= count;
                    var p = poolNumber++;
                    var fqdn = $"{role.ToLowerInvariant()}pool{p}.contoso.com";
                    if (!firstPool)
                    {
                        sb.Append(",\n");
                    }

                    firstPool = false;
                    sb.Append(CultureInfo.InvariantCulture, $"      {{ \"fqdn\": \"{fqdn}\", \"role\": \"{role}\", \"servers\": [");
                    sb.AppendJoin(", ", Enumerable.Range(0, count).Select(i => $"\"{role.ToLowerInvariant()}{p}-{i}.contoso.com\""));
                    sb.Append(']');
                    if (role is "FrontEnd" or "Director")
                    {
                        sb.Append(CultureInfo.InvariantCulture, $", \"externalWebFqdn\": \"web{p}.contoso.com\"");
                    }

                    if (role == "Edge")
                    {
                        sb.Append(CultureInfo.InvariantCulture, $", \"edge\": {{ \"accessFqdn\": \"sip{p}.contoso.com\", \"webConferencingFqdn\": \"webconf{p}.contoso.com\", \"audioVideoFqdn\": \"av{p}.contoso.com\" }}");
                    }

                    sb.Append(" }");
                }
            }

            sb.Append("\n    ] }");
        }

        sb.Append("\n  ],\n  \"reverseProxy\": { \"name\": \"rp01\" }\n}\n");
        return sb.ToString();
    }
}
