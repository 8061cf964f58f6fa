using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertBuildTasks.Issued;

/// <summary>What the rules need to know about an X.509 certificate, read with the platform's APIs.</summary>
public static class CertificateFacts
{
    public const string SignatureSha1Rsa = "1.2.840.113549.1.1.5";
    public const string SignatureMd5Rsa = "1.2.840.113549.1.1.4";
    public const string SignatureMd2Rsa = "1.2.840.113549.1.1.2";
    public const string SignatureRsaPss = "1.2.840.113549.1.1.10";
    public const string CrlDistributionPoints = "2.5.29.31";

    public static IReadOnlyList<string> DnsNames(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault() is { } san
            ? [.. san.EnumerateDnsNames().Select(n => n.ToLowerInvariant())]
            : [];

    public static string CommonName(X509Certificate2 certificate) => certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false) ?? string.Empty;

    /// <summary>null when the certificate has no EKU extension (any purpose).</summary>
    public static IReadOnlyList<string>? EnhancedKeyUsages(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault() is { } eku
            ? [.. eku.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value ?? string.Empty)]
            : null;

    public static X509KeyUsageFlags? KeyUsage(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault()?.KeyUsages;

    public static bool HasCrlDistributionPoint(X509Certificate2 certificate) =>
        certificate.Extensions.Any(e => e.Oid?.Value == CrlDistributionPoints);

    /// <summary>
    /// The URIs of the CRL distribution points (RFC 5280 4.2.1.13: DistributionPoint.fullName
    /// uniformResourceIdentifier entries); empty when there is no extension or it cannot be read.
    /// </summary>
    public static IReadOnlyList<string> CrlUris(X509Certificate2 certificate)
    {
        if (certificate.Extensions.FirstOrDefault(e => e.Oid?.Value == CrlDistributionPoints) is not { } extension)
        {
            return [];
        }

        var uris = new List<string>();
        try
        {
            var points = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
            while (points.HasData)
            {
                var point = points.ReadSequence();
                if (point.HasData && point.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
                {
                    var name = point.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0));
                    if (name.HasData && name.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
                    {
                        ReadUris(name.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)), uris);
                    }
                }
            }
        }
        catch (AsnContentException)
        {
            return [];
        }

        return uris;
    }

    /// <summary>The caIssuers and OCSP URIs of the Authority Information Access extension.</summary>
    public static IReadOnlyList<string> IssuerUris(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509AuthorityInformationAccessExtension>().FirstOrDefault() is { } aia
            ? SafeUris(aia)
            : [];

    private static IReadOnlyList<string> SafeUris(X509AuthorityInformationAccessExtension aia)
    {
        try
        {
            return [.. aia.EnumerateCAIssuersUris().Concat(aia.EnumerateOcspUris())];
        }
        catch (CryptographicException)
        {
            return [];
        }
    }

    /// <summary>GeneralNames: the uniformResourceIdentifier ([6] IA5String) entries.</summary>
    private static void ReadUris(AsnReader names, List<string> uris)
    {
        var uri = new Asn1Tag(TagClass.ContextSpecific, 6);
        while (names.HasData)
        {
            if (names.PeekTag().HasSameClassAndValue(uri))
            {
                uris.Add(names.ReadCharacterString(UniversalTagNumber.IA5String, uri));
            }
            else
            {
                names.ReadEncodedValue();
            }
        }
    }

    private const string RsaEncryption = "1.2.840.113549.1.1.1";

    /// <summary>
    /// The RSA key size, or null for another key algorithm. Read from the modulus of the encoded key:
    /// GetRSAPublicKey() would decode the key again through OpenSSL, which costs as much as loading the
    /// certificate once more.
    /// </summary>
    public static int? RsaKeySize(X509Certificate2 certificate)
    {
        var key = certificate.PublicKey;
        if (key.Oid.Value != RsaEncryption)
        {
            return null;
        }

        try
        {
            // RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } (RFC 8017 A.1.1)
            var sequence = new AsnReader(key.EncodedKeyValue.RawData, AsnEncodingRules.DER).ReadSequence();
            var modulus = sequence.ReadIntegerBytes().Span;
            var start = 0;
            while (start < modulus.Length - 1 && modulus[start] == 0)
            {
                start++;
            }

            var significant = modulus[start..];
            return significant.Length == 0 ? 0 : ((significant.Length - 1) * 8) + (32 - System.Numerics.BitOperations.LeadingZeroCount((uint)significant[0]));
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    /// <summary>
    /// A SEQUENCE whose first element has the given tag: a certificate opens with its TBSCertificate
    /// SEQUENCE, a PFX with its version INTEGER, a PKCS#7 ContentInfo with an OBJECT IDENTIFIER.
    /// </summary>
    public static bool OpensWith(byte[] der, Asn1Tag first)
    {
        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
            return outer.HasData && outer.PeekTag().HasSameClassAndValue(first);
        }
        catch (AsnContentException)
        {
            return false;
        }
    }

    public static string SignatureAlgorithmName(X509Certificate2 certificate) =>
        certificate.SignatureAlgorithm.FriendlyName ?? certificate.SignatureAlgorithm.Value ?? "unknown";

    public static bool IsSelfSigned(X509Certificate2 certificate)
    {
        if (!certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData))
        {
            return false;
        }

        try
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.DisableCertificateDownloads = true;
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(certificate);
            chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid | X509VerificationFlags.AllowUnknownCertificateAuthority;
            chain.Build(certificate);
            return chain.ChainElements.Count == 1 && !chain.ChainStatus.Any(s => s.Status.HasFlag(X509ChainStatusFlags.NotSignatureValid));
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>SHA-1 thumbprint, upper case, as Windows and Set-CsCertificate show it.</summary>
    public static string Thumbprint(X509Certificate2 certificate) => certificate.Thumbprint.ToUpperInvariant();
}
