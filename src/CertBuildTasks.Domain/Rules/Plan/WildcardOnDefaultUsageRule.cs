using CertBuildTasks.Diagnostics;
using CertBuildTasks.Planning;

namespace CertBuildTasks.Rules.Plan;

/// <summary>
/// CBT2105: Lync Phone Edition and other UC devices rely on strong name matching and do not accept a
/// wildcard on the registrar (Default) certificate. Reported once per pool.
/// </summary>
public sealed class WildcardOnDefaultUsageRule : PlanRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT2105", "Wildcard on a Default-usage certificate", "The certificates of pool '{0}' carry the Default usage and the wildcard SAN '{1}'; Lync Phone Edition devices do not accept wildcards there. Use the separate web services layout or no wildcards if such devices are in use",
        DiagnosticCategory.Plan, DiagnosticSeverity.Warning);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePlan plan, ReportDiagnostic report)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var certificate in plan.Certificates.Where(c => c.Usages.Contains(LyncUsage.Default)))
        {
            var wildcard = certificate.SubjectAlternativeNames.FirstOrDefault(n => n.IsWildcard);
            if (wildcard is not null && reported.Add(certificate.Pool ?? certificate.Id))
            {
                var location = plan.Policy.WildcardSimpleUrls.Value ? plan.Policy.WildcardSimpleUrls.Location : certificate.Origin;
                report(location.IsNone ? certificate.Origin : location, certificate.Pool ?? certificate.Id, wildcard.Name);
            }
        }
    }
}
