using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertBuildTasks.Issued;

/// <summary>
/// What the rules judge about a CA certificate above an issued certificate: its signature, its key and
/// where relying parties find its revocation list and issuer. Decoded once per distinct CA certificate
/// of a build (thousands of leaves share a handful of CAs).
/// </summary>
public sealed record ChainAuthority(
    string Subject,
    string? SignatureOid,
    string? SignatureName,
    int? RsaKeySize,
    string KeyAlgorithm,
    bool IsSelfSigned,
    IReadOnlyList<string> CrlUris,
    IReadOnlyList<string> IssuerUris)
{
    private static readonly ConcurrentDictionary<string, ChainAuthority> Known = new(StringComparer.Ordinal);

    /// <summary>The authorities of a chain path (DER, leaf excluded, root last), from the cache when known.</summary>
    public static IReadOnlyList<ChainAuthority> Of(IReadOnlyList<byte[]> path) =>
        [.. path.Select(der => Known.GetOrAdd(Convert.ToHexString(SHA256.HashData(der)), _ => Read(der)))];

    private static ChainAuthority Read(byte[] der)
    {
#pragma warning disable SYSLIB0057 // net8.0 has no X509CertificateLoader
        using var certificate = new X509Certificate2(der);
#pragma warning restore SYSLIB0057
        return new ChainAuthority(
            certificate.Subject,
            certificate.SignatureAlgorithm.Value,
            certificate.SignatureAlgorithm.FriendlyName,
            CertificateFacts.RsaKeySize(certificate),
            certificate.PublicKey.Oid.FriendlyName ?? certificate.PublicKey.Oid.Value ?? "unknown",
            certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData),
            CertificateFacts.CrlUris(certificate),
            CertificateFacts.IssuerUris(certificate));
    }
}
