using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;

namespace CertBuildTasks.Rules.Issued;

/// <summary>
/// CBT3101: the CA signed with SHA-1, MD5 or RSASSA-PSS. SHA-224/256/384/512 with PKCS#1 v1.5 are
/// accepted; an MD5-signing CA stops SfB Front End services and PSS breaks sign-in (decision 2).
/// </summary>
public sealed class WeakSignatureRule : IssuedRule
{
    /// <summary>sha256/384/512/224WithRSAEncryption (PKCS#1 v1.5): everything else is refused.</summary>
    private static readonly HashSet<string> Accepted = new(StringComparer.Ordinal)
    {
        "1.2.840.113549.1.1.11", "1.2.840.113549.1.1.12", "1.2.840.113549.1.1.13", "1.2.840.113549.1.1.14",
    };

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [CertificateFacts.SignatureSha1Rsa] = "SHA-1",
        ["1.3.14.3.2.29"] = "SHA-1 (OIW)",
        [CertificateFacts.SignatureMd5Rsa] = "MD5",
        [CertificateFacts.SignatureMd2Rsa] = "MD2",
        ["1.2.840.113549.1.1.3"] = "MD4",
        [CertificateFacts.SignatureRsaPss] = "RSASSA-PSS",
        ["1.2.840.10040.4.3"] = "DSA with SHA-1",
        ["1.2.840.10045.4.1"] = "ECDSA with SHA-1",
    };

    public static readonly DiagnosticDescriptor Rule = new(
        "CBT3101", "Weak or unsupported signature", "The certificate {0} for '{1}' is signed with {2}; Lync/SfB needs a SHA-2 (SHA-256/384/512) PKCS#1 v1.5 RSA signature — ask the CA to reissue it",
        DiagnosticCategory.Issued, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(IssuedCheck check, ReportDiagnostic report)
    {
        var oid = check.Issued.Certificate.SignatureAlgorithm.Value ?? string.Empty;
        if (!Accepted.Contains(oid))
        {
            var name = Names.GetValueOrDefault(oid) ?? (check.Issued.Certificate.SignatureAlgorithm.FriendlyName ?? "an unknown algorithm") + " (" + oid + ")";
            report(check.Issued.Location, check.Issued.Display, check.Planned.Id, name);
        }
    }
}
