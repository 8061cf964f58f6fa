using CertBuildTasks.Diagnostics;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;

namespace CertBuildTasks.Rules.Plan;

/// <summary>
/// CBT2106: wildcards are allowed only for simple URLs and lyncdiscover on Front End/Director web
/// usages and the reverse proxy, the XMPP root-domain entry of the Edge, and (of little value) the
/// Edge internal interface. A wildcard that the policy adds anywhere else breaks the role.
/// </summary>
public sealed class WildcardNotAllowedRule : PlanRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT2106", "Wildcard where the role forbids it", "The {0} certificate '{1}' cannot carry the wildcard '{2}': Lync/SfB does not support wildcards for this role",
        DiagnosticCategory.Plan, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePlan plan, ReportDiagnostic report)
    {
        foreach (var certificate in plan.Certificates)
        {
            if (certificate.Kind is CertificateKind.FrontEnd or CertificateKind.Director or CertificateKind.ReverseProxy or CertificateKind.EdgeInternal)
            {
                continue;
            }

            foreach (var san in certificate.SubjectAlternativeNames.Where(n => n.IsWildcard))
            {
                var xmppRoot = certificate.Kind == CertificateKind.EdgeExternal && san.Reasons.Any(r => r.StartsWith("XMPP", StringComparison.Ordinal));
                if (xmppRoot)
                {
                    continue;
                }

                var configured = plan.Policy.For(certificate.Kind).AdditionalNames.FirstOrDefault(n => string.Equals(n.Value, san.Name, StringComparison.OrdinalIgnoreCase));
                report(configured?.Location ?? certificate.Origin, certificate.Kind.JsonName(), certificate.Id, san.Name);
            }
        }
    }
}
