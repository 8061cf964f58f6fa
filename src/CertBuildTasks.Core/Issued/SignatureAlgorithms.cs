namespace CertBuildTasks.Issued;

/// <summary>
/// The signature algorithms the gate accepts on every certificate of a chain (decision 2):
/// sha256/384/512WithRSAEncryption, PKCS#1 v1.5. SHA-224 is refused because Windows CryptoAPI/CNG
/// cannot verify it; SHA-1, MD5, MD2, MD4, DSA, ECDSA and RSASSA-PSS are refused as Lync/SfB breaks
/// on them (an MD5-signing CA stops Front End services, PSS breaks sign-in).
/// </summary>
public static class SignatureAlgorithms
{
    private static readonly HashSet<string> Accepted = new(StringComparer.Ordinal)
    {
        "1.2.840.113549.1.1.11", "1.2.840.113549.1.1.12", "1.2.840.113549.1.1.13",
    };

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [CertificateFacts.SignatureSha1Rsa] = "SHA-1",
        ["1.3.14.3.2.29"] = "SHA-1 (OIW)",
        [CertificateFacts.SignatureMd5Rsa] = "MD5",
        [CertificateFacts.SignatureMd2Rsa] = "MD2",
        ["1.2.840.113549.1.1.3"] = "MD4",
        ["1.2.840.113549.1.1.14"] = "SHA-224 (Windows cannot verify it)",
        [CertificateFacts.SignatureRsaPss] = "RSASSA-PSS",
        ["1.2.840.10040.4.3"] = "DSA with SHA-1",
        ["1.2.840.10045.4.1"] = "ECDSA with SHA-1",
    };

    public static bool IsAccepted(string? oid) => oid is not null && Accepted.Contains(oid);

    /// <summary>A readable name for a refused algorithm.</summary>
    public static string Describe(string? oid, string? friendlyName) =>
        oid is not null && Names.TryGetValue(oid, out var name) ? name : (friendlyName ?? "an unknown algorithm") + " (" + (oid ?? "no OID") + ")";
}
