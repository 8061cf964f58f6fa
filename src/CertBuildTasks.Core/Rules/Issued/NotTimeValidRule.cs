using System.Globalization;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;

namespace CertBuildTasks.Rules.Issued;

/// <summary>CBT3111: expired, or not yet valid, at CertValidationTime (absolute dates in the message).</summary>
public sealed class NotTimeValidRule : IssuedRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT3111", "Certificate expired or not yet valid", "The certificate {0} for '{1}' {2} (validation time {3})",
        DiagnosticCategory.Issued, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(IssuedCheck check, ReportDiagnostic report)
    {
        var notBefore = new DateTimeOffset(check.Issued.Certificate.NotBefore.ToUniversalTime());
        var notAfter = new DateTimeOffset(check.Issued.Certificate.NotAfter.ToUniversalTime());
        var now = Format(check.ValidationTime);
        if (notAfter < check.ValidationTime)
        {
            report(check.Issued.Location, check.Issued.Display, check.Planned.Id, "expired on " + Format(notAfter), now);
        }
        else if (notBefore > check.ValidationTime)
        {
            report(check.Issued.Location, check.Issued.Display, check.Planned.Id, "is not valid before " + Format(notBefore), now);
        }
    }

    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
