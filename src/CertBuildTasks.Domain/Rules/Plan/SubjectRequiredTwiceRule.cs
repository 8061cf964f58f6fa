using CertBuildTasks.Diagnostics;
using CertBuildTasks.Naming;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;

namespace CertBuildTasks.Rules.Plan;

/// <summary>
/// CBT2103: two different things need the same subject (an Access Edge FQDN equal to a pool FQDN, a
/// reverse proxy name equal to a pool's). Members of one pool sharing the pool subject are by design.
/// Reported once per pair of owners, at the first certificate of the second one.
/// </summary>
public sealed class SubjectRequiredTwiceRule : PlanRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT2103", "Same subject required by two certificates", "The certificate '{0}' needs the subject '{1}', which the certificate '{2}' of another role or pool needs too",
        DiagnosticCategory.Plan, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePlan plan, ReportDiagnostic report)
    {
        var owners = new Dictionary<string, PlannedCertificate>(DnsName.Comparer);
        var reported = new HashSet<(string, string)>();
        foreach (var certificate in plan.Certificates)
        {
            if (!owners.TryGetValue(certificate.SubjectName, out var first))
            {
                owners[certificate.SubjectName] = certificate;
            }
            else if (Owner(first) != Owner(certificate) && reported.Add((Owner(first), Owner(certificate))))
            {
                report(certificate.Origin, certificate.Id, certificate.SubjectName, first.Id);
            }
        }
    }

    private static string Owner(PlannedCertificate c) =>
        (c.Kind is CertificateKind.EdgeExternal or CertificateKind.EdgeInternal ? "edge" : c.Kind.ToString()) + "|" + (c.Pool ?? c.Id);
}
