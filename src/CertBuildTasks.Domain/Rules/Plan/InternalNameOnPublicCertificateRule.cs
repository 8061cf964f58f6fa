using CertBuildTasks.Diagnostics;
using CertBuildTasks.Naming;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;

namespace CertBuildTasks.Rules.Plan;

/// <summary>
/// CBT2107: since November 2015 public CAs issue no certificate with internal-only names (.local,
/// .lan, .corp, single labels) or reserved IP addresses (CA/Browser Forum).
/// </summary>
public sealed class InternalNameOnPublicCertificateRule : PlanRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT2107", "Internal name on a public-CA certificate", "The public-CA certificate '{0}' would need the internal-only name '{1}' ({2}); public CAs do not issue for such names",
        DiagnosticCategory.Plan, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePlan plan, ReportDiagnostic report)
    {
        foreach (var certificate in plan.Certificates.Where(c => c.CertificateAuthority == AuthorityKind.Public))
        {
            foreach (var san in certificate.SubjectAlternativeNames)
            {
                var name = san.IsWildcard ? san.Name[2..] : san.Name;
                if (DnsName.IsInternalOnly(name))
                {
                    report(certificate.Origin, certificate.Id, san.Name, string.Join("; ", san.Reasons));
                }
            }
        }
    }
}
