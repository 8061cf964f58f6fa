using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;

namespace CertBuildTasks.Rules.Issued;

/// <summary>CBT3117: a self-signed certificate where a CA must issue (every Lync/SfB server certificate).</summary>
public sealed class SelfSignedRule : IssuedRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT3117", "Self-signed certificate", "The certificate {0} for '{1}' is self-signed; Lync/SfB servers need certificates issued by a CA that every client and server trusts",
        DiagnosticCategory.Issued, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(IssuedCheck check, ReportDiagnostic report)
    {
        if (check.Issued.IsSelfSigned)
        {
            report(check.Issued.Location, check.Issued.Display, check.Planned.Id);
        }
    }
}
