using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertBuildTasks.Issued;

/// <summary>
/// Why: on Linux X509Chain is OpenSSL 3.0, which spends about 130 µs on every chain and does not go
/// faster on two cores; a CA typically issues every certificate of a deployment with the same chain
/// above it. So the first certificate of each issuer is built by the platform in full. When that
/// chain has no problem, the issuer, its chain and the leaf's issuer-wide extensions (CRL
/// distribution point, authority information, policies, templates: the same bytes in every
/// certificate of that CA) are remembered. A later certificate from the same issuer, with the same
/// signature algorithm and authority key identifier, whose issuer-wide extensions are byte for byte
/// ones the platform has already accepted, then only needs what differs per certificate: its
/// signature, checked with the CA's key (platform crypto, about 35 µs), and its own extensions
/// (names, key identifier, usages), which the reader has already decoded with the platform's strict
/// DER decoders. Anything else — a chain with a problem, name or policy constraints (they depend on
/// the leaf), an unknown, critical or repeated extension, a signature that does not verify — is not
/// answered here, and the whole chain is built by the platform, so every problem is still found and
/// worded by the platform.
/// </summary>
internal sealed class VerifiedIssuerCache
{
    // Decoded by the certificate reader (strict DER) and different in every certificate.
    private static readonly HashSet<string> PerCertificateExtensions = new(StringComparer.Ordinal)
    {
        "2.5.29.17", // subject alternative name
        "2.5.29.14", // subject key identifier
        "2.5.29.15", // key usage
        "2.5.29.37", // extended key usage
        "2.5.29.19", // basic constraints (a leaf: not a CA, no path length)
    };

    // Constraints whose outcome depends on the leaf: a chain with any of them is always built in full.
    private static readonly HashSet<string> LeafDependentConstraints = new(StringComparer.Ordinal)
    {
        "2.5.29.30", // name constraints
        "2.5.29.36", // policy constraints
        "2.5.29.33", // policy mappings
        "2.5.29.54", // inhibit anyPolicy
    };

    private const string AuthorityKeyIdentifier = "2.5.29.35";

    private readonly ConcurrentDictionary<string, Issuer> _issuers = new(StringComparer.Ordinal);
    private int _answered;

    /// <summary>How many certificates took the short way (for tests and figures).</summary>
    public int Answered => Volatile.Read(ref _answered);

    /// <summary>What is known of an issuer after the platform accepted one of its certificates.</summary>
    private sealed class Issuer(X509Certificate2 certificate, TrustedRoot root, IReadOnlyList<byte[]> path)
    {
        private readonly ConcurrentBag<AsymmetricAlgorithm> _keys = [];

        public TrustedRoot Root { get; } = root;

        public IReadOnlyList<byte[]> Path { get; } = path;

        /// <summary>Issuer-wide extension values (oid, critical, bytes) the platform has accepted.</summary>
        public ConcurrentDictionary<string, bool> Accepted { get; } = new(StringComparer.Ordinal);

        /// <summary>Platform key objects are not documented as thread-safe: each check takes one of its own.</summary>
        public bool Verifies(SignedCertificateParts parts)
        {
            var key = _keys.TryTake(out var pooled) ? pooled : Create(parts.Ecdsa);
            if (key is null)
            {
                return false;
            }

            try
            {
                return key switch
                {
                    RSA rsa when !parts.Ecdsa => rsa.VerifyData(parts.Signed.Span, parts.Signature, parts.Hash, RSASignaturePadding.Pkcs1),
                    ECDsa ecdsa when parts.Ecdsa => ecdsa.VerifyData(parts.Signed.Span, parts.Signature, parts.Hash, DSASignatureFormat.Rfc3279DerSequence),
                    _ => false,
                };
            }
            catch (CryptographicException)
            {
                return false;
            }
            finally
            {
                _keys.Add(key);
            }
        }

        private AsymmetricAlgorithm? Create(bool ecdsa) => ecdsa ? certificate.GetECDsaPublicKey() : certificate.GetRSAPublicKey();
    }

    /// <summary>What the short way needs of a leaf, read once per certificate for both the lookup and the learning.</summary>
    public sealed record Candidate(SignedCertificateParts Parts, string Issuer, IReadOnlyList<string> IssuerWide);

    /// <summary>
    /// The issuer key — issuer name, authority key identifier and signature algorithm — and the
    /// issuer-wide extension values; null for a certificate that never takes the short way.
    /// </summary>
    public static Candidate? Read(X509Certificate2 leaf)
    {
        if (leaf.SubjectName.RawData.AsSpan().SequenceEqual(leaf.IssuerName.RawData) || SignedCertificateParts.TryRead(leaf) is not { } parts)
        {
            return null; // self-issued (the platform judges it), or not a plain certificate
        }

        var authorityKey = string.Empty;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var issuerWide = new List<string>();
        foreach (var extension in leaf.Extensions)
        {
            if (extension.Oid?.Value is not { } oid || !seen.Add(oid))
            {
                return null; // a repeated extension is invalid to OpenSSL
            }

            if (PerCertificateExtensions.Contains(oid))
            {
                if (!PerCertificateValueIsPlain(extension))
                {
                    return null;
                }

                continue;
            }

            var value = oid + (extension.Critical ? "!" : "|") + Convert.ToHexString(extension.RawData);
            if (oid == AuthorityKeyIdentifier)
            {
                authorityKey = value;
            }

            issuerWide.Add(value);
        }

        return new Candidate(parts, Convert.ToHexString(leaf.IssuerName.RawData) + "/" + authorityKey + "/" + Convert.ToHexString(parts.Algorithm), issuerWide);
    }

    /// <summary>The root and CA path when the certificate is known to chain without a problem; otherwise null.</summary>
    public (TrustedRoot Root, IReadOnlyList<byte[]> Path)? TryJudge(Candidate leaf)
    {
        if (!_issuers.TryGetValue(leaf.Issuer, out var issuer) || !leaf.IssuerWide.All(issuer.Accepted.ContainsKey) || !issuer.Verifies(leaf.Parts))
        {
            return null;
        }

        Interlocked.Increment(ref _answered);
        return (issuer.Root, issuer.Path);
    }

    /// <summary>
    /// After the platform built the leaf's chain without a problem: remember its issuer (the first such
    /// chain wins) and its issuer-wide extension values as accepted.
    /// </summary>
    /// <param name="issuers">The CA certificates above the leaf, the one that signed it first.</param>
    public void Learn(X509Certificate2 leaf, Candidate candidate, IReadOnlyList<X509Certificate2> issuers, TrustedRoot root)
    {
        if (issuers.Count == 0 || !issuers[0].SubjectName.RawData.AsSpan().SequenceEqual(leaf.IssuerName.RawData) ||
            issuers.Any(ca => ca.Extensions.Any(e => e.Oid?.Value is { } oid && LeafDependentConstraints.Contains(oid))))
        {
            return;
        }

        var issuer = _issuers.GetOrAdd(candidate.Issuer, _ => new Issuer(issuers[0], root, [.. issuers.Select(c => c.RawData)]));
        foreach (var extension in candidate.IssuerWide)
        {
            issuer.Accepted.TryAdd(extension, true);
        }
    }

    /// <summary>The per-certificate extensions decode with the platform's strict decoders; a leaf's basic constraints say "not a CA".</summary>
    private static bool PerCertificateValueIsPlain(X509Extension extension)
    {
        try
        {
            switch (extension)
            {
                case X509BasicConstraintsExtension basic:
                    return !basic.CertificateAuthority && !basic.HasPathLengthConstraint;
                case X509SubjectKeyIdentifierExtension key:
                    return key.SubjectKeyIdentifier is not null;
                case X509SubjectAlternativeNameExtension names:
                    _ = names.EnumerateDnsNames().Count() + names.EnumerateIPAddresses().Count();
                    return true;
                case X509KeyUsageExtension usage:
                    _ = usage.KeyUsages;
                    return true;
                case X509EnhancedKeyUsageExtension ekus:
                    _ = ekus.EnhancedKeyUsages.Count;
                    return true;
                default:
                    return false; // not decoded by the platform's typed classes: take the platform's path
            }
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
