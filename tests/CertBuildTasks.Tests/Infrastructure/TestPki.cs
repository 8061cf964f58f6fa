using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertBuildTasks.Planning;

namespace CertBuildTasks.Tests.Infrastructure;

/// <summary>
/// A throwaway PKI made with .NET's CertificateRequest: a root, an issuing intermediate, and leaf
/// certificates issued "as planned" or with exactly one thing wrong.
/// </summary>
public sealed class TestPki : IDisposable
{
    private static readonly Lazy<RSA> SharedLeafKey = new(() => RSA.Create(2048));

    /// <summary>The key of every 2048-bit leaf <see cref="Issue"/> makes (so a test can install one with its key).</summary>
    public static RSA LeafKey => SharedLeafKey.Value;
    private readonly RSA _rootKey = RSA.Create(2048);
    private readonly RSA _intermediateKey;
    private long _serial = 1000;

    /// <param name="intermediateDigest">What the root signs the issuing CA with: "sha256", or a weak digest (OpenSSL signs it: .NET refuses SHA-1).</param>
    /// <param name="intermediateKeySize">The issuing CA's RSA key size.</param>
    /// <param name="rootPermittedDnsNames">Name constraints on the root: the DNS subtrees it may certify (none: unconstrained).</param>
    public TestPki(string name = "Contoso", string intermediateDigest = "sha256", int intermediateKeySize = 2048, IReadOnlyList<string>? rootPermittedDnsNames = null)
    {
        _intermediateKey = RSA.Create(intermediateKeySize);
        var now = DateTimeOffset.UtcNow;
        var rootRequest = new CertificateRequest($"CN={name} Test Root", _rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        if (rootPermittedDnsNames is not null)
        {
            rootRequest.CertificateExtensions.Add(NameConstraints(rootPermittedDnsNames));
        }
        Root = rootRequest.CreateSelfSigned(now.AddYears(-1), now.AddYears(10));
        var intermediateRequest = new CertificateRequest($"CN={name} Test Issuing CA", _intermediateKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        intermediateRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        intermediateRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        intermediateRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(intermediateRequest.PublicKey, false));
        using var intermediate = intermediateDigest == "sha256"
            ? intermediateRequest.Create(Root, now.AddYears(-1), now.AddYears(8), [1])
            : SignWithOpenSsl(intermediateRequest, intermediateDigest);
        Intermediate = intermediate.CopyWithPrivateKey(_intermediateKey);
    }

    /// <summary>RFC 5280 4.2.1.10: NameConstraints ::= SEQUENCE { permittedSubtrees [0] GeneralSubtrees }, dNSName bases.</summary>
    private static X509Extension NameConstraints(IReadOnlyList<string> permitted)
    {
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence(new System.Formats.Asn1.Asn1Tag(System.Formats.Asn1.TagClass.ContextSpecific, 0)))
            {
                foreach (var name in permitted)
                {
                    using (writer.PushSequence())
                    {
                        writer.WriteCharacterString(System.Formats.Asn1.UniversalTagNumber.IA5String, name, new System.Formats.Asn1.Asn1Tag(System.Formats.Asn1.TagClass.ContextSpecific, 2));
                    }
                }
            }
        }

        return new X509Extension("2.5.29.30", writer.Encode(), critical: true);
    }

    /// <summary>The root signs the issuing CA's request with a digest .NET will not sign with.</summary>
    private X509Certificate2 SignWithOpenSsl(CertificateRequest request, string digest)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("root.pem"), Root.ExportCertificatePem());
        File.WriteAllText(dir.File("root.key"), _rootKey.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(dir.File("ca.csr"), request.CreateSigningRequestPem());
        File.WriteAllText(dir.File("ca.cnf"), "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n");
        OpenSsl.Run(dir.Path, "x509", "-req", "-in", "ca.csr", "-CA", "root.pem", "-CAkey", "root.key", "-set_serial", "2", "-days", "2900", "-" + digest, "-extfile", "ca.cnf", "-out", "ca.pem");
        return X509Certificate2.CreateFromPem(File.ReadAllText(dir.File("ca.pem")));
    }

    public X509Certificate2 Root { get; }

    public X509Certificate2 Intermediate { get; }

    /// <summary>What to issue; the defaults are "exactly as planned".</summary>
    public sealed record Options
    {
        public string? CommonName { get; init; }

        public IReadOnlyList<string>? DnsNames { get; init; }

        public HashAlgorithmName Digest { get; init; } = HashAlgorithmName.SHA256;

        public bool Pss { get; init; }

        public int KeySize { get; init; } = 2048;

        /// <summary>null: the plan's EKUs; empty: no EKU extension at all.</summary>
        public IReadOnlyList<string>? Ekus { get; init; }

        public X509KeyUsageFlags KeyUsage { get; init; } = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment;

        public bool CrlDistributionPoint { get; init; } = true;

        /// <summary>Where the CRL is published (the default: one HTTP location).</summary>
        public IReadOnlyList<string> CrlUris { get; init; } = ["http://pki.contoso.test/issuing.crl"];

        /// <summary>Authority Information Access caIssuers locations; none by default.</summary>
        public IReadOnlyList<string> IssuerUris { get; init; } = [];

        public DateTimeOffset? NotBefore { get; init; }

        public DateTimeOffset? NotAfter { get; init; }

        public bool SelfSigned { get; init; }

        /// <summary>Basic constraints CA:TRUE on the leaf (a server certificate that is a CA).</summary>
        public bool CertificateAuthority { get; init; }

        /// <summary>Extensions added after the usual ones (a second SAN extension, say).</summary>
        public IReadOnlyList<X509Extension> ExtraExtensions { get; init; } = [];
    }

    public X509Certificate2 Issue(PlannedCertificate planned, Options? options = null)
    {
        options ??= new Options();
        var now = DateTimeOffset.UtcNow;
        using var ownKey = options.KeySize == 2048 ? null : RSA.Create(options.KeySize);
        var key = ownKey ?? SharedLeafKey.Value;
        var request = new CertificateRequest("CN=" + (options.CommonName ?? planned.SubjectName), key, options.Digest, options.Pss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1);
        var sans = new SubjectAlternativeNameBuilder();
        foreach (var name in options.DnsNames ?? [.. planned.SanNames])
        {
            sans.AddDnsName(name);
        }

        request.CertificateExtensions.Add(sans.Build());
        var ekus = options.Ekus ?? [.. planned.EnhancedKeyUsages];
        if (ekus.Count > 0)
        {
            var collection = new OidCollection();
            foreach (var eku in ekus)
            {
                collection.Add(new Oid(eku));
            }

            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(collection, false));
        }

        request.CertificateExtensions.Add(new X509KeyUsageExtension(options.KeyUsage, true));
        if (options.CertificateAuthority)
        {
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        }

        if (options.CrlDistributionPoint)
        {
            request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension(options.CrlUris));
        }

        if (options.IssuerUris.Count > 0)
        {
            request.CertificateExtensions.Add(new X509AuthorityInformationAccessExtension(null, options.IssuerUris));
        }

        foreach (var extension in options.ExtraExtensions)
        {
            request.CertificateExtensions.Add(extension);
        }

        var notBefore = options.NotBefore ?? now.AddDays(-1);
        var notAfter = options.NotAfter ?? now.AddYears(1);
        if (options.SelfSigned)
        {
            return request.CreateSelfSigned(notBefore, notAfter);
        }

        var serial = BitConverter.GetBytes(Interlocked.Increment(ref _serial));
        var signer = X509SignatureGenerator.CreateForRSA(_intermediateKey, options.Pss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1);
        return request.Create(Intermediate.SubjectName, signer, notBefore, notAfter, serial);
    }

    /// <summary>
    /// The certificate as planned, with one more extension appended to its TBSCertificate and signed
    /// again by the issuing CA: what .NET's builder refuses to make (a second SAN extension, say).
    /// </summary>
    public X509Certificate2 IssueWithAppendedExtension(PlannedCertificate planned, X509Extension extra)
    {
        using var issued = Issue(planned);
        var certificate = new System.Formats.Asn1.AsnReader(issued.RawData, System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence();
        var tbs = certificate.ReadSequence();
        var signatureAlgorithm = certificate.ReadEncodedValue().ToArray();
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            var extensionsTag = new System.Formats.Asn1.Asn1Tag(System.Formats.Asn1.TagClass.ContextSpecific, 3, isConstructed: true);
            while (tbs.HasData)
            {
                if (!tbs.PeekTag().HasSameClassAndValue(extensionsTag))
                {
                    writer.WriteEncodedValue(tbs.ReadEncodedValue().Span);
                    continue;
                }

                var extensions = tbs.ReadSequence(extensionsTag).ReadSequence();
                using (writer.PushSequence(extensionsTag))
                using (writer.PushSequence())
                {
                    while (extensions.HasData)
                    {
                        writer.WriteEncodedValue(extensions.ReadEncodedValue().Span);
                    }

                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier(extra.Oid!.Value!);
                        if (extra.Critical)
                        {
                            writer.WriteBoolean(true);
                        }

                        writer.WriteOctetString(extra.RawData);
                    }
                }
            }
        }

        var tbsBytes = writer.Encode();
        var signature = _intermediateKey.SignData(tbsBytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var whole = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (whole.PushSequence())
        {
            whole.WriteEncodedValue(tbsBytes);
            whole.WriteEncodedValue(signatureAlgorithm);
            whole.WriteBitString(signature);
        }

#pragma warning disable SYSLIB0057 // one DER certificate, as a CA hands it out
        return new X509Certificate2(whole.Encode());
#pragma warning restore SYSLIB0057
    }

    /// <summary>
    /// Answers a certificate request as an enterprise CA does: the subject, names and extensions of the
    /// request, a CRL distribution point added, signed by the intermediate, valid for a year.
    /// </summary>
    public X509Certificate2 Answer(string csrPem)
    {
        var request = CertificateRequest.LoadSigningRequestPem(csrPem, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension(["http://pki.contoso.test/a.crl"]));
        var signer = X509SignatureGenerator.CreateForRSA(_intermediateKey, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        return request.Create(Intermediate.SubjectName, signer, now.AddDays(-1), now.AddYears(1), BitConverter.GetBytes(Interlocked.Increment(ref _serial)));
    }

    /// <summary>
    /// Signs a request as an enterprise or public CA does, at a given time: the request's subject, names
    /// and extensions, a CRL distribution point added, signed by the intermediate.
    /// </summary>
    public X509Certificate2 Sign(CertificateRequest request, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension(["http://pki.contoso.test/issuing.crl"]));
        var signer = X509SignatureGenerator.CreateForRSA(_intermediateKey, RSASignaturePadding.Pkcs1);
        return request.Create(Intermediate.SubjectName, signer, notBefore, notAfter, BitConverter.GetBytes(Interlocked.Increment(ref _serial)));
    }

    /// <summary>
    /// Issues with the OpenSSL CLI from this PKI's intermediate (for what .NET will not sign, such as
    /// SHA-1): a fresh key and CSR, the planned names and EKUs, a CRL distribution point.
    /// </summary>
    public string IssueWithOpenSsl(PlannedCertificate planned, string digest, string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "ca.pem"), Intermediate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "ca.key"), _intermediateKey.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path.Combine(directory, "ext.cnf"),
            "subjectAltName=" + string.Join(",", planned.SanNames.Select(n => "DNS:" + n)) + "\n" +
            "extendedKeyUsage=" + string.Join(",", planned.EnhancedKeyUsages.Select(e => e == EnhancedKeyUsageOids.ServerAuthentication ? "serverAuth" : "clientAuth")) + "\n" +
            "keyUsage=critical,digitalSignature,keyEncipherment\n" +
            "crlDistributionPoints=URI:http://pki.contoso.test/issuing.crl\n");
        OpenSsl.Run(directory, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "leaf.key", "-out", "leaf.csr", "-subj", "/CN=" + planned.SubjectName);
        var output = planned.Id + ".cer";
        OpenSsl.Run(directory, "x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "365", "-" + digest, "-extfile", "ext.cnf", "-out", output);
        foreach (var secret in new[] { "ca.key", "leaf.key" })
        {
            File.Delete(Path.Combine(directory, secret));
        }

        return Path.Combine(directory, output);
    }

    public static string Write(string path, params X509Certificate2[] certificates)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Concat(certificates.Select(c => c.ExportCertificatePem() + "\n")));
        return path;
    }

    public void Dispose()
    {
        Root.Dispose();
        Intermediate.Dispose();
        _rootKey.Dispose();
        _intermediateKey.Dispose();
    }
}
