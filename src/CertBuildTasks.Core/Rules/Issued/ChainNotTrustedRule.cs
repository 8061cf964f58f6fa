using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;

namespace CertBuildTasks.Rules.Issued;

/// <summary>CBT3113: the chain does not build, offline, to one of the TrustedRootCertificate items.</summary>
public sealed class ChainNotTrustedRule : IssuedRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT3113", "Chain does not build to a trusted root", "The certificate {0} for '{1}' does not chain to a given trusted root: {2}",
        DiagnosticCategory.Issued, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(IssuedCheck check, ReportDiagnostic report)
    {
        // A self-signed certificate cannot chain to a root; CBT3117 already says what is wrong with it.
        if (check.RootsGiven && check.ChainProblems.Count > 0 && !check.Issued.IsSelfSigned)
        {
            report(check.Issued.Location, check.Issued.Display, check.Planned.Id, string.Join("; ", check.ChainProblems));
        }
    }
}
