using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Issued;

/// <summary>
/// What the gate reports about its inputs and the matching of issued to planned certificates. The
/// per-certificate checks are rules (Rules/Issued, CBT31xx).
/// </summary>
public static class IssuedDiagnostics
{
    public static readonly DiagnosticDescriptor FileUnreadable = new(
        "CBT3001", "Certificate file cannot be read", "The certificate file cannot be used: {0}",
        DiagnosticCategory.Issued, DiagnosticSeverity.Error, IsConfigurable: false);

    public static readonly DiagnosticDescriptor PrivateKeyGiven = new(
        "CBT3002", "Private key given as a certificate", "The file holds a private key ({0}), not only a certificate; it was not read. Give the certificate alone (.cer/.crt/.pem): private keys never enter the build or the bundle",
        DiagnosticCategory.Issued, DiagnosticSeverity.Error, IsConfigurable: false);

    public static readonly DiagnosticDescriptor PfxGiven = new(
        "CBT3003", "PFX given as a certificate", "The file is a PFX/PKCS#12 bundle, which carries a private key; give the certificate alone (.cer/.crt/.pem/.p7b)",
        DiagnosticCategory.Issued, DiagnosticSeverity.Error, IsConfigurable: false);

    public static readonly DiagnosticDescriptor ValidationTimeInvalid = new(
        "CBT3004", "CertValidationTime is not a time", "CertValidationTime '{0}' is neither Unix seconds (as SOURCE_DATE_EPOCH) nor an ISO 8601 time such as 2026-11-28T12:00:00Z",
        DiagnosticCategory.Issued, DiagnosticSeverity.Error, IsConfigurable: false);

    public static readonly DiagnosticDescriptor NotMatched = new(
        "CBT3005", "Issued certificate matches no planned certificate", "The certificate '{0}' (thumbprint {1}) matches no planned certificate{2}",
        DiagnosticCategory.Issued, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NotIssued = new(
        "CBT3006", "Planned certificate not issued yet", "No issued certificate was given for the planned certificate '{0}' (subject {1})",
        DiagnosticCategory.Issued, DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor NotIssuedRequired = new(
        "CBT3007", "Planned certificate not issued (required)", "No issued certificate was given for the planned certificate '{0}' (subject {1}), and CertRequireAllIssued is true",
        DiagnosticCategory.Issued, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NoTrustedRoots = new(
        "CBT3008", "No trusted root given", "Issued certificates were given but no TrustedRootCertificate item, so their chains cannot be checked; add the root (and intermediate) CA certificates",
        DiagnosticCategory.Issued, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor RootStoreMistake = new(
        "CBT3009", "Root and intermediate mixed up", "{0}",
        DiagnosticCategory.Issued, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AuthorityUnknown = new(
        "CBT3010", "Certificate authority kind not judged", "The certificate {0} for '{1}' chains to the root {2}, which carries no Authority metadata (internal or public); whether it comes from the planned kind of CA was not checked",
        DiagnosticCategory.Issued, DiagnosticSeverity.Info);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        [FileUnreadable, PrivateKeyGiven, PfxGiven, ValidationTimeInvalid, NotMatched, NotIssued, NotIssuedRequired, NoTrustedRoots, RootStoreMistake, AuthorityUnknown];
}
