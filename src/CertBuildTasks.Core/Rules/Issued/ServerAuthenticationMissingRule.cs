using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;

namespace CertBuildTasks.Rules.Issued;

/// <summary>CBT3107: every Lync/SfB server certificate must carry the Server Authentication EKU (decision 15).</summary>
public sealed class ServerAuthenticationMissingRule : IssuedRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT3107", "Server Authentication EKU missing", "The certificate {0} for '{1}' {2}; Lync/SfB requires the Server Authentication EKU (1.3.6.1.5.5.7.3.1)",
        DiagnosticCategory.Issued, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(IssuedCheck check, ReportDiagnostic report)
    {
        var ekus = CertificateFacts.EnhancedKeyUsages(check.Issued.Certificate);
        if (ekus is null)
        {
            report(check.Issued.Location, check.Issued.Display, check.Planned.Id, "has no Enhanced Key Usage extension");
        }
        else if (!ekus.Contains(EnhancedKeyUsageOids.ServerAuthentication))
        {
            report(check.Issued.Location, check.Issued.Display, check.Planned.Id, "lacks Server Authentication in its EKUs (" + string.Join(", ", ekus) + ")");
        }
    }
}
