using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Issued;

/// <summary>
/// Reads certificates from .cer/.crt/.pem (DER or PEM, one or many) and .p7b files, and refuses, with a
/// diagnostic and without reading further, anything that carries a private key (PEM keys, PFX).
/// </summary>
public static partial class CertificateFileReader
{
    public const long MaxFileBytes = 16L * 1024 * 1024;

    private static readonly string[] PrivateKeyLabels = ["PRIVATE KEY", "RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY"];

    public static IReadOnlyList<LoadedCertificate> Read(string path, string? plannedId, DiagnosticBag diagnostics) =>
        ReaderGuard.Read<IReadOnlyList<LoadedCertificate>>(path, diagnostics, [], () => ReadFile(path, plannedId, diagnostics));

    private static List<LoadedCertificate> ReadFile(string path, string? plannedId, DiagnosticBag diagnostics)
    {
        var location = SourceLocation.File(path);
        // One bounded reader for every input: a pipe or a device is never opened, a folder is said to be one.
        if (IO.InputFile.ReadBytes(path, MaxFileBytes, out var problem) is not { } bytes)
        {
            diagnostics.Add(IssuedDiagnostics.FileUnreadable, location, problem == "it does not exist" ? "the file does not exist" : problem);
            return [];
        }

        if (bytes.All(b => b is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t'))
        {
            diagnostics.Add(IssuedDiagnostics.FileUnreadable, location, "the file is empty");
            return [];
        }

        try
        {
            var certificates = LooksLikePem(bytes) ? ReadPem(Encoding.ASCII.GetString(bytes), location, diagnostics) : ReadBinary(bytes, location, diagnostics);
            foreach (var certificate in certificates)
            {
                Decode(certificate);
            }

            return [.. certificates.Select((c, i) => new LoadedCertificate(c, path, i, plannedId))];
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException)
        {
            diagnostics.Add(IssuedDiagnostics.FileUnreadable, location, "it is not a valid certificate (" + ex.Message.TrimEnd('.') + ")");
            return [];
        }
    }

    private static bool LooksLikePem(byte[] bytes) => bytes.AsSpan().IndexOf("-----BEGIN "u8) >= 0;

    private static List<X509Certificate2> ReadPem(string text, SourceLocation location, DiagnosticBag diagnostics)
    {
        // Refuse any file that mentions a private key, however well or badly formed the PEM around it is
        // (a BEGIN line with four dashes is no PEM block, but the key is in the file all the same).
        if (PrivateKeyLabels.FirstOrDefault(l => text.Contains("-----BEGIN " + l + "-----", StringComparison.Ordinal)) is { } keyLabel)
        {
            diagnostics.Add(IssuedDiagnostics.PrivateKeyGiven, location, "PEM block " + keyLabel);
            return [];
        }

        if (text.Contains("PRIVATE KEY", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(IssuedDiagnostics.PrivateKeyGiven, location, "text that names a PRIVATE KEY");
            return [];
        }

        var result = new List<X509Certificate2>();
        var span = text.AsSpan();
        var outside = new StringBuilder();
        var foundAny = false;
        while (PemEncoding.TryFind(span, out var fields))
        {
            foundAny = true;
            var label = span[fields.Label].ToString();
            var data = Convert.FromBase64String(span[fields.Base64Data].ToString());
            if (data.Length == 0)
            {
                diagnostics.Add(IssuedDiagnostics.FileUnreadable, location, $"its PEM block '{label}' is empty");
                return [];
            }

            if (label is "CERTIFICATE" or "PKCS7" && IsPkcs12(data))
            {
                diagnostics.Add(IssuedDiagnostics.PfxGiven, location);
                return [];
            }
            if (PrivateKeyLabels.Contains(label))
            {
                diagnostics.Add(IssuedDiagnostics.PrivateKeyGiven, location, "PEM block " + label);
                return [];
            }

            switch (label)
            {
                case "CERTIFICATE":
                    result.Add(new X509Certificate2(data));
                    break;
                case "PKCS7":
                    result.AddRange(ReadPkcs7(data));
                    break;
                case "CERTIFICATE REQUEST" or "NEW CERTIFICATE REQUEST":
                    diagnostics.Add(IssuedDiagnostics.FileUnreadable, location, "it holds a certificate request (CSR), not the issued certificate");
                    return [];
                default:
                    diagnostics.Add(IssuedDiagnostics.FileUnreadable, location, $"it holds a PEM block '{label}', not a certificate");
                    return [];
            }

            outside.Append(span[..fields.Location.Start]);
            span = span[fields.Location.End..];
        }

        // Data outside the blocks (a key pasted without its lines, a second file appended) is not ignored.
        if (Base64Run().IsMatch(outside.Append(span).ToString()))
        {
            diagnostics.Add(IssuedDiagnostics.FileUnreadable, location, "it holds encoded data outside its PEM blocks; give the certificate alone");
            return [];
        }

        if (!foundAny || result.Count == 0)
        {
            diagnostics.Add(IssuedDiagnostics.FileUnreadable, location, "no certificate was found in the PEM text");
        }

        return result;
    }

    private static List<X509Certificate2> ReadBinary(byte[] bytes, SourceLocation location, DiagnosticBag diagnostics)
    {
#pragma warning disable SYSLIB0057 // net8.0 has no X509CertificateLoader; these APIs are the ones it offers
        // Shaped like a certificate: load it at once. The content-type probe below decodes the blob
        // with OpenSSL as loading does, which doubles the cost of the common DER .cer file.
        if (CertificateFacts.OpensWith(bytes, Asn1Tag.Sequence))
        {
            // The platform reads the first element and ignores what follows: a DER certificate followed by a
            // DER private key would pass. Everything after the certificate must be blank.
            if (AsnDecoder.TryReadEncodedValue(bytes, AsnEncodingRules.BER, out _, out _, out _, out var consumed) &&
                bytes.AsSpan(consumed).IndexOfAnyExcept(" \r\n\t\0"u8) >= 0)
            {
                diagnostics.Add(
                    Trailing(bytes.AsSpan(consumed)) ? IssuedDiagnostics.PrivateKeyGiven : IssuedDiagnostics.FileUnreadable,
                    location,
                    Trailing(bytes.AsSpan(consumed)) ? "DER data after the certificate that has the shape of a private key" : $"{bytes.Length - consumed:N0} bytes follow the certificate; give the certificate alone");
                return [];
            }

            return [new X509Certificate2(bytes)];
        }

        switch (X509Certificate2.GetCertContentType(bytes))
        {
            case X509ContentType.Cert:
                return [new X509Certificate2(bytes)];
            case X509ContentType.Pkcs7:
                return ReadPkcs7(bytes);
            case X509ContentType.Pkcs12:
                diagnostics.Add(IssuedDiagnostics.PfxGiven, location);
                return [];
            default:
                diagnostics.Add(IssuedDiagnostics.FileUnreadable, location, "it is neither a DER or PEM certificate nor a PKCS#7 (.p7b) bundle");
                return [];
        }
#pragma warning restore SYSLIB0057
    }

    /// <summary>
    /// DER after a certificate shaped like a private key: a PKCS#8 PrivateKeyInfo or a PKCS#1
    /// RSAPrivateKey (both a SEQUENCE opening with an INTEGER version), or an encrypted PKCS#8 (a SEQUENCE
    /// opening with the algorithm SEQUENCE).
    /// </summary>
    private static bool Trailing(ReadOnlySpan<byte> rest)
    {
        var data = rest.ToArray();
        return CertificateFacts.OpensWith(data, Asn1Tag.Integer) || CertificateFacts.OpensWith(data, Asn1Tag.Sequence);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[A-Za-z0-9+/=]{40,}")]
    private static partial System.Text.RegularExpressions.Regex Base64Run();

    /// <summary>
    /// A PFX wrapped in a PEM block. Asking the platform for the content type decodes the whole blob
    /// with OpenSSL (about as costly as loading the certificate, which the gate does 10,000 times), so
    /// only a blob shaped like a PFX — a SEQUENCE that opens with its version INTEGER, where a
    /// certificate opens with the TBSCertificate SEQUENCE — is asked.
    /// </summary>
    private static bool IsPkcs12(byte[] data)
    {
        if (!CertificateFacts.OpensWith(data, Asn1Tag.Integer))
        {
            return false;
        }

#pragma warning disable SYSLIB0057
        return X509Certificate2.GetCertContentType(data) == X509ContentType.Pkcs12;
#pragma warning restore SYSLIB0057
    }

    /// <summary>.NET decodes extensions lazily; a malformed one must fail here, as CBT3001, not later.</summary>
    private static void Decode(X509Certificate2 certificate)
    {
        if (certificate.RawData.Length == 0)
        {
            throw new CryptographicException("the certificate is empty");
        }

        // RFC 5280 4.2: "A certificate MUST NOT include more than one instance of a particular
        // extension." Which of two SAN extensions counts differs between Windows and OpenSSL (which then
        // refuses the chain as if its issuer were missing): such a certificate is malformed, said so.
        if (certificate.Extensions.Cast<X509Extension>().GroupBy(e => e.Oid?.Value).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            var name = twice.First().Oid?.FriendlyName is { Length: > 0 } friendly ? $"{friendly} ({twice.Key})" : twice.Key;
            throw new CryptographicException($"the extension {name} appears {twice.Count()} times; RFC 5280 allows one instance of each extension in a certificate");
        }

        foreach (var extension in certificate.Extensions)
        {
            switch (extension)
            {
                case X509SubjectAlternativeNameExtension san:
                    _ = san.EnumerateDnsNames().ToList();
                    break;
                case X509BasicConstraintsExtension basic:
                    _ = basic.CertificateAuthority;
                    break;
                case X509KeyUsageExtension usage:
                    _ = usage.KeyUsages;
                    break;
                case X509EnhancedKeyUsageExtension eku:
                    _ = eku.EnhancedKeyUsages.Count;
                    break;
            }
        }

        // Every other property the rules read, decoded lazily by the platform too (NotBefore: found by the fuzzer).
        _ = certificate.SubjectName.Name;
        _ = certificate.IssuerName.Name;
        _ = certificate.NotBefore;
        _ = certificate.NotAfter;
        _ = certificate.SignatureAlgorithm.Value;
        _ = certificate.PublicKey.Oid.Value;
        _ = certificate.PublicKey.EncodedKeyValue.RawData;
        _ = certificate.SerialNumber;
        _ = certificate.Thumbprint;
    }

    private static List<X509Certificate2> ReadPkcs7(byte[] data)
    {
        var collection = new X509Certificate2Collection();
#pragma warning disable SYSLIB0057
        collection.Import(data);
#pragma warning restore SYSLIB0057
        return [.. collection];
    }
}
