using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertBuildTasks.Issued;

/// <summary>
/// The three parts of an X.509 certificate that a signature check needs (RFC 5280 §4.1): the signed
/// TBSCertificate bytes, the signature algorithm and the signature. Only the outer structure is read —
/// everything inside the TBSCertificate was decoded by the platform when the certificate was loaded.
/// </summary>
internal sealed record SignedCertificateParts(ReadOnlyMemory<byte> Signed, byte[] Algorithm, HashAlgorithmName Hash, bool Ecdsa, byte[] Signature)
{
    // PKCS#1 v1.5 RSA (RFC 8017 A.2.4) and ECDSA (RFC 5758 §3.2) signature algorithms. RSASSA-PSS
    // carries parameters that would have to be decoded: such a certificate takes the platform's path.
    private static readonly Dictionary<string, (HashAlgorithmName Hash, bool Ecdsa)> Algorithms = new(StringComparer.Ordinal)
    {
        ["1.2.840.113549.1.1.5"] = (HashAlgorithmName.SHA1, false),
        ["1.2.840.113549.1.1.14"] = (new HashAlgorithmName("SHA224"), false),
        ["1.2.840.113549.1.1.11"] = (HashAlgorithmName.SHA256, false),
        ["1.2.840.113549.1.1.12"] = (HashAlgorithmName.SHA384, false),
        ["1.2.840.113549.1.1.13"] = (HashAlgorithmName.SHA512, false),
        ["1.2.840.10045.4.3.2"] = (HashAlgorithmName.SHA256, true),
        ["1.2.840.10045.4.3.3"] = (HashAlgorithmName.SHA384, true),
        ["1.2.840.10045.4.3.4"] = (HashAlgorithmName.SHA512, true),
    };

    /// <summary>null for anything but a plain DER v3 certificate with one of the algorithms above.</summary>
    public static SignedCertificateParts? TryRead(X509Certificate2 certificate)
    {
        if (certificate.Version != 3)
        {
            return null;
        }

        try
        {
            var raw = certificate.RawData;
            var outer = new AsnReader(raw, AsnEncodingRules.DER);
            var certificateSequence = outer.ReadSequence();
            if (outer.HasData)
            {
                return null;
            }

            var signed = certificateSequence.ReadEncodedValue();
            var algorithm = certificateSequence.ReadEncodedValue().ToArray();
            var signature = certificateSequence.ReadBitString(out var unusedBits);
            if (certificateSequence.HasData || unusedBits != 0)
            {
                return null;
            }

            // The TBSCertificate names its signature algorithm again; the two must be the same bytes.
            var tbs = new AsnReader(signed, AsnEncodingRules.DER).ReadSequence();
            if (tbs.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
            {
                tbs.ReadEncodedValue(); // version
            }

            tbs.ReadEncodedValue(); // serialNumber
            if (!tbs.ReadEncodedValue().Span.SequenceEqual(algorithm))
            {
                return null;
            }

            var identifier = new AsnReader(algorithm, AsnEncodingRules.DER).ReadSequence();
            var oid = identifier.ReadObjectIdentifier();
            if (!Algorithms.TryGetValue(oid, out var known))
            {
                return null;
            }

            // PKCS#1 algorithms carry NULL parameters (or none); ECDSA algorithms carry none.
            if (identifier.HasData)
            {
                if (known.Ecdsa)
                {
                    return null;
                }

                identifier.ReadNull();
                if (identifier.HasData)
                {
                    return null;
                }
            }

            return new SignedCertificateParts(signed, algorithm, known.Hash, known.Ecdsa, signature);
        }
        catch (AsnContentException)
        {
            return null;
        }
    }
}
