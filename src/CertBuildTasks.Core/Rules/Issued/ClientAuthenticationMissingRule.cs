using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;

namespace CertBuildTasks.Rules.Issued;

/// <summary>
/// CBT3108: public IM connectivity needs the Client Authentication EKU on the Edge external
/// certificate; public CAs have started to drop it (CA/B Forum, 2026), so check what was issued.
/// </summary>
public sealed class ClientAuthenticationMissingRule : IssuedRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT3108", "Client Authentication EKU missing", "The certificate {0} for '{1}' lacks the Client Authentication EKU (1.3.6.1.5.5.7.3.2) that the plan needs for public IM connectivity",
        DiagnosticCategory.Issued, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(IssuedCheck check, ReportDiagnostic report)
    {
        if (check.Planned.EnhancedKeyUsages.Contains(EnhancedKeyUsageOids.ClientAuthentication) &&
            CertificateFacts.EnhancedKeyUsages(check.Issued.Certificate) is { } ekus &&
            !ekus.Contains(EnhancedKeyUsageOids.ClientAuthentication))
        {
            report(check.Issued.Location, check.Issued.Display, check.Planned.Id);
        }
    }
}
