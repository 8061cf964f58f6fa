using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;

namespace CertBuildTasks.Rules.Issued;

/// <summary>
/// CBT3101: the CA signed the issued certificate with anything but SHA-256/384/512 with PKCS#1 v1.5
/// (decision 2, <see cref="SignatureAlgorithms"/>); the CA certificates above it are CBT3118's.
/// </summary>
public sealed class WeakSignatureRule : IssuedRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT3101", "Weak or unsupported signature", "The certificate {0} for '{1}' is signed with {2}; Lync/SfB needs a SHA-2 (SHA-256/384/512) PKCS#1 v1.5 RSA signature — ask the CA to reissue it",
        DiagnosticCategory.Issued, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(IssuedCheck check, ReportDiagnostic report)
    {
        var algorithm = check.Issued.Certificate.SignatureAlgorithm;
        if (!SignatureAlgorithms.IsAccepted(algorithm.Value))
        {
            report(check.Issued.Location, check.Issued.Display, check.Planned.Id, SignatureAlgorithms.Describe(algorithm.Value, algorithm.FriendlyName));
        }
    }
}
