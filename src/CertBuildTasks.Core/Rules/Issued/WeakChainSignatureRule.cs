using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;

namespace CertBuildTasks.Rules.Issued;

/// <summary>
/// CBT3118: a CA certificate of the chain (intermediate or root) is signed with anything but
/// SHA-256/384/512 with PKCS#1 v1.5. Decision 2 judges every certificate of the chain: an MD5- or
/// SHA-1-signed CA stops SfB Front End services as surely as a weak leaf does.
/// </summary>
public sealed class WeakChainSignatureRule : IssuedRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT3118", "Weak signature in the chain",
        "The CA certificate '{2}' in the chain of {0} for '{1}' is signed with {3}; every certificate of the chain needs a SHA-256/384/512 PKCS#1 v1.5 RSA signature — renew that CA certificate",
        DiagnosticCategory.Issued, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(IssuedCheck check, ReportDiagnostic report)
    {
        foreach (var authority in check.Chain.Where(a => !SignatureAlgorithms.IsAccepted(a.SignatureOid)))
        {
            report(check.Issued.Location, check.Issued.Display, check.Planned.Id, authority.Subject, SignatureAlgorithms.Describe(authority.SignatureOid, authority.SignatureName));
        }
    }
}
