using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;

namespace CertBuildTasks.Rules.Issued;

/// <summary>CBT3102: the issued key is not RSA, or smaller than the plan's key size (decision 1).</summary>
public sealed class WeakKeyRule : IssuedRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT3102", "Key not RSA or smaller than planned", "The certificate {0} for '{1}' has {2}; the plan asks for an RSA key of {3} bits",
        DiagnosticCategory.Issued, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(IssuedCheck check, ReportDiagnostic report)
    {
        var size = CertificateFacts.RsaKeySize(check.Issued.Certificate);
        if (size is null)
        {
            report(check.Issued.Location, check.Issued.Display, check.Planned.Id, "a " + (check.Issued.Certificate.PublicKey.Oid.FriendlyName ?? "non-RSA") + " key", check.Planned.KeySize);
        }
        else if (size < check.Planned.KeySize)
        {
            report(check.Issued.Location, check.Issued.Display, check.Planned.Id, $"a {size}-bit RSA key", check.Planned.KeySize);
        }
    }
}
