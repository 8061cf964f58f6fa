using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;

namespace CertBuildTasks.Rules.Issued;

/// <summary>CBT3112: the certificate expires within the policy's expiryWarningDays of CertValidationTime.</summary>
public sealed class ExpiresSoonRule : IssuedRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT3112", "Certificate expires soon", "The certificate {0} for '{1}' expires on {2}, within the {3}-day warning window of the policy",
        DiagnosticCategory.Issued, DiagnosticSeverity.Warning);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(IssuedCheck check, ReportDiagnostic report)
    {
        var notAfter = new DateTimeOffset(check.Issued.Certificate.NotAfter.ToUniversalTime());
        if (notAfter >= check.ValidationTime && notAfter < ValidationTime.AddDaysSaturating(check.ValidationTime, check.ExpiryWarningDays))
        {
            report(check.Issued.Location, check.Issued.Display, check.Planned.Id, NotTimeValidRule.Format(notAfter), check.ExpiryWarningDays);
        }
    }
}
