using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;

namespace CertBuildTasks.Rules.Issued;

/// <summary>
/// CBT3119: a CA certificate of the chain has an RSA key below 2048 bits (or no RSA key). Decision 1
/// makes 1024 bits an error; a 1024-bit issuing CA lets anyone who factors it issue for every name.
/// </summary>
public sealed class WeakChainKeyRule : IssuedRule
{
    public const int MinimumKeySize = 2048;

    public static readonly DiagnosticDescriptor Rule = new(
        "CBT3119", "Weak key in the chain",
        "The CA certificate '{2}' in the chain of {0} for '{1}' has {3}; every CA of the chain needs an RSA key of at least 2048 bits — renew that CA with a stronger key",
        DiagnosticCategory.Issued, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(IssuedCheck check, ReportDiagnostic report)
    {
        foreach (var authority in check.Chain)
        {
            if (authority.RsaKeySize is not { } size)
            {
                report(check.Issued.Location, check.Issued.Display, check.Planned.Id, authority.Subject, "a " + authority.KeyAlgorithm + " key, not RSA");
            }
            else if (size < MinimumKeySize)
            {
                report(check.Issued.Location, check.Issued.Display, check.Planned.Id, authority.Subject, $"a {size}-bit RSA key");
            }
        }
    }
}
