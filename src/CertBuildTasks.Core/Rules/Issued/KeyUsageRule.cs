using System.Security.Cryptography.X509Certificates;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;

namespace CertBuildTasks.Rules.Issued;

/// <summary>CBT3109: TLS with RSA keys needs digital signature and key encipherment when key usage is restricted.</summary>
public sealed class KeyUsageRule : IssuedRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT3109", "Key usage without digital signature or key encipherment", "The certificate {0} for '{1}' restricts its key usage to {2}, without {3}",
        DiagnosticCategory.Issued, DiagnosticSeverity.Warning);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(IssuedCheck check, ReportDiagnostic report)
    {
        if (CertificateFacts.KeyUsage(check.Issued.Certificate) is not { } usage)
        {
            return;
        }

        var missing = new List<string>();
        if (!usage.HasFlag(X509KeyUsageFlags.DigitalSignature))
        {
            missing.Add("digital signature");
        }

        if (!usage.HasFlag(X509KeyUsageFlags.KeyEncipherment))
        {
            missing.Add("key encipherment");
        }

        if (missing.Count > 0)
        {
            report(check.Issued.Location, check.Issued.Display, check.Planned.Id, usage, string.Join(" and ", missing));
        }
    }
}
