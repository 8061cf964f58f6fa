using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;

namespace CertBuildTasks.Rules.Issued;

/// <summary>
/// CBT3101: the CA signed with SHA-1, MD5 or RSASSA-PSS. SHA-224/256/384/512 with PKCS#1 v1.5 are
/// accepted; an MD5-signing CA stops SfB Front End services and PSS breaks sign-in (decision 2).
/// </summary>
public sealed class WeakSignatureRule : IssuedRule
{
    private static readonly Dictionary<string, string> Refused = new(StringComparer.Ordinal)
    {
        [CertificateFacts.SignatureSha1Rsa] = "SHA-1",
        [CertificateFacts.SignatureMd5Rsa] = "MD5",
        [CertificateFacts.SignatureMd2Rsa] = "MD2",
        [CertificateFacts.SignatureRsaPss] = "RSASSA-PSS",
        ["1.2.840.10045.4.1"] = "ECDSA with SHA-1",
    };

    public static readonly DiagnosticDescriptor Rule = new(
        "CBT3101", "Weak or unsupported signature", "The certificate {0} for '{1}' is signed with {2}; Lync/SfB needs a SHA-2 (SHA-256/384/512) PKCS#1 v1.5 signature — ask the CA to reissue it",
        DiagnosticCategory.Issued, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(IssuedCheck check, ReportDiagnostic report)
    {
        var oid = check.Issued.Certificate.SignatureAlgorithm.Value ?? string.Empty;
        if (Refused.TryGetValue(oid, out var name))
        {
            report(check.Issued.Location, check.Issued.Display, check.Planned.Id, name);
        }
    }
}
