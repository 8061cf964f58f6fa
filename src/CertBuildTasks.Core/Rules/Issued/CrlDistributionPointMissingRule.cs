using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;

namespace CertBuildTasks.Rules.Issued;

/// <summary>CBT3110: "every server certificate must contain a CRL distribution point" (decision 15).</summary>
public sealed class CrlDistributionPointMissingRule : IssuedRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT3110", "No CRL distribution point", "The certificate {0} for '{1}' has no CRL distribution point; Lync/SfB requires one on every server certificate",
        DiagnosticCategory.Issued, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(IssuedCheck check, ReportDiagnostic report)
    {
        if (!CertificateFacts.HasCrlDistributionPoint(check.Issued.Certificate))
        {
            report(check.Issued.Location, check.Issued.Display, check.Planned.Id);
        }
    }
}
