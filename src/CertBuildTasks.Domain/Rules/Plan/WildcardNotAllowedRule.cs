using CertBuildTasks.Diagnostics;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;

namespace CertBuildTasks.Rules.Plan;

/// <summary>
/// CBT2106: wildcards are allowed only (decision 12) for simple URLs and lyncdiscover names on Front
/// End/Director web usages and the reverse proxy when the policy allows wildcards, and for the XMPP
/// root-domain entry of the Edge. Any other wildcard — typically one added through additionalNames —
/// breaks the role.
/// </summary>
public sealed class WildcardNotAllowedRule : PlanRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT2106", "Wildcard where the role forbids it", "The {0} certificate '{1}' cannot carry the wildcard '{2}': {3}",
        DiagnosticCategory.Plan, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePlan plan, ReportDiagnostic report)
    {
        foreach (var certificate in plan.Certificates)
        {
            foreach (var san in certificate.SubjectAlternativeNames.Where(n => n.IsWildcard))
            {
                if (Why(plan, certificate, san) is not { } why)
                {
                    continue;
                }

                var configured = plan.Policy.For(certificate.Kind).AdditionalNames.FirstOrDefault(n => string.Equals(n.Value, san.Name, StringComparison.OrdinalIgnoreCase));
                report(configured?.Location ?? certificate.Origin, certificate.Kind.JsonName(), certificate.Id, san.Name, why);
            }
        }
    }

    /// <summary>Null when the wildcard is allowed, else the reason it is not.</summary>
    private static string? Why(CertificatePlan plan, PlannedCertificate certificate, PlannedName san)
    {
        if (certificate.Kind == CertificateKind.EdgeExternal && san.Reasons.All(r => r.StartsWith("XMPP", StringComparison.Ordinal)))
        {
            return null; // the XMPP root-domain entry
        }

        var webRole = certificate.Kind == CertificateKind.ReverseProxy ||
            (certificate.Kind is CertificateKind.FrontEnd or CertificateKind.Director &&
             (certificate.Usages.Contains(LyncUsage.WebServicesInternal) || certificate.Usages.Contains(LyncUsage.WebServicesExternal)));
        if (!webRole)
        {
            return "Lync/SfB does not support wildcards for this role or usage";
        }

        return plan.Policy.WildcardSimpleUrls.Value
            ? null
            : "wildcards are off in the policy ('wildcards.simpleUrls'), so the web services need explicit names";
    }
}
