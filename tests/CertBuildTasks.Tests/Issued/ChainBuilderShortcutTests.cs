using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertBuildTasks.Issued;

namespace CertBuildTasks.Tests.Issued;

/// <summary>
/// The short way for certificates of an already accepted issuer (VerifiedIssuerCache) must give
/// exactly the answer the platform gives when it builds every chain: the same problems, root and CA
/// path, for good certificates and for every kind of bad one, in order and in parallel.
/// </summary>
public sealed class ChainBuilderShortcutTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly List<IDisposable> _owned = [];

    public void Dispose()
    {
        foreach (var d in _owned)
        {
            d.Dispose();
        }
    }

    private sealed record Ca(X509Certificate2 Certificate, AsymmetricAlgorithm Key, X509SignatureGenerator Signer);

    private T Own<T>(T value)
        where T : IDisposable
    {
        _owned.Add(value);
        return value;
    }

    private Ca Root(string name, bool ecdsa = false, int? pathLength = null, DateTimeOffset? notAfter = null)
    {
        var (request, key, signer) = Request("CN=" + name, ecdsa);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, pathLength is not null, pathLength ?? 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return new Ca(Own(request.CreateSelfSigned(Now.AddYears(-2), notAfter ?? Now.AddYears(10))), key, signer);
    }

    private Ca Intermediate(Ca parent, string name, bool ecdsa = false, X509Extension? extra = null, DateTimeOffset? notAfter = null, X509KeyUsageFlags usage = X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign)
    {
        var (request, key, signer) = Request("CN=" + name, ecdsa);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        if (extra is not null)
        {
            request.CertificateExtensions.Add(extra);
        }

        var certificate = request.Create(parent.Certificate.SubjectName, parent.Signer, Now.AddYears(-1), notAfter ?? Now.AddYears(5), RandomNumberGenerator.GetBytes(8));
        return new Ca(Own(certificate), key, signer);
    }

    private (CertificateRequest Request, AsymmetricAlgorithm Key, X509SignatureGenerator Signer) Request(string subject, bool ecdsa)
    {
        if (ecdsa)
        {
            var ec = Own(ECDsa.Create(ECCurve.NamedCurves.nistP256));
            return (new CertificateRequest(subject, ec, HashAlgorithmName.SHA256), ec, X509SignatureGenerator.CreateForECDsa(ec));
        }

        var rsa = Own(RSA.Create(2048));
        return (new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), rsa, X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1));
    }

    private static readonly Lazy<RSA> LeafKey = new(() => RSA.Create(2048));

    private X509Certificate2 Leaf(Ca issuer, string host, Action<CertificateRequest>? adjust = null, HashAlgorithmName? digest = null, string crl = "http://pki.example.test/issuing.crl", DateTimeOffset? notAfter = null, bool pss = false, string eku = "1.3.6.1.5.5.7.3.1")
    {
        var request = new CertificateRequest("CN=" + host, LeafKey.Value, digest ?? HashAlgorithmName.SHA256, pss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1);
        var sans = new SubjectAlternativeNameBuilder();
        sans.AddDnsName(host);
        request.CertificateExtensions.Add(sans.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(eku)], false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([crl]));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer.Certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        adjust?.Invoke(request);
        var signer = pss && issuer.Key is RSA rsa ? X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pss) : issuer.Signer;
        return Own(request.Create(issuer.Certificate.SubjectName, signer, Now.AddDays(-1), notAfter ?? Now.AddYears(1), RandomNumberGenerator.GetBytes(8)));
    }

    private X509Certificate2 WithBrokenSignature(X509Certificate2 certificate)
    {
        var bytes = certificate.RawData;
        bytes[^1] ^= 0x01; // the last byte is in the signature
        return Own(X509CertificateLoader.LoadCertificate(bytes));
    }

    private static LoadedCertificate Loaded(X509Certificate2 c, int i = 0) => new(c, $"leaf{i}.cer", 0, null);

    /// <summary>Judges every leaf with and without the short way, in order, and asserts the same answers.</summary>
    private static int AssertSameAnswers(IReadOnlyList<X509Certificate2> leaves, IReadOnlyList<Ca> roots, IReadOnlyList<Ca> intermediates, bool parallel = false) =>
        SameAnswers(leaves, roots, intermediates, parallel).Shortcuts;

    private static (int Shortcuts, List<IReadOnlyList<string>> Problems) SameAnswers(IReadOnlyList<X509Certificate2> leaves, IReadOnlyList<Ca> roots, IReadOnlyList<Ca> intermediates, bool parallel = false)
    {
        var trusted = roots.Select(r => new TrustedRoot(Loaded(r.Certificate), null, null)).ToList();
        var helpers = intermediates.Select(i => Loaded(i.Certificate)).ToList();
        var reference = new ChainBuilder(trusted, helpers, Now, learnIssuers: false);
        var learning = new ChainBuilder(trusted, helpers, Now);
        var expected = leaves.Select((l, i) => reference.Build(Loaded(l, i))).ToList();
        var actual = new (IReadOnlyList<string> Problems, TrustedRoot? Root, IReadOnlyList<byte[]> Path)[leaves.Count];
        if (parallel)
        {
            Parallel.For(0, leaves.Count, i => actual[i] = learning.Build(Loaded(leaves[i], i)));
        }
        else
        {
            for (var i = 0; i < leaves.Count; i++)
            {
                actual[i] = learning.Build(Loaded(leaves[i], i));
            }
        }

        for (var i = 0; i < leaves.Count; i++)
        {
            Assert.Equal(expected[i].Problems, actual[i].Problems);
            Assert.Same(expected[i].Root, actual[i].Root);
            Assert.Equal(expected[i].Path.Select(Convert.ToHexString), actual[i].Path.Select(Convert.ToHexString));
        }

        Assert.Equal(0, reference.ShortcutsTaken);
        return (learning.ShortcutsTaken, [.. expected.Select(e => e.Problems)]);
    }

    [Fact]
    public void Good_certificates_of_one_issuer_take_the_short_way_with_the_platforms_answer()
    {
        var root = Root("Shortcut Root");
        var ca = Intermediate(root, "Shortcut Issuing CA");
        var leaves = Enumerable.Range(0, 12).Select(i => Leaf(ca, $"host{i}.contoso.com")).ToList();
        Assert.Equal(11, AssertSameAnswers(leaves, [root], [ca]));
        Assert.True(AssertSameAnswers(leaves, [root], [ca], parallel: true) >= 9);
    }

    [Fact]
    public void Every_kind_of_bad_certificate_after_good_ones_gets_the_platforms_answer()
    {
        var root = Root("Mixed Root");
        var ca = Intermediate(root, "Mixed Issuing CA");
        var impostor = Intermediate(Root("Impostor Root"), "Mixed Issuing CA"); // same name, another key
        var good = Leaf(ca, "good.contoso.com");
        var unknownCritical = Leaf(ca, "critical.contoso.com", r => r.CertificateExtensions.Add(new X509Extension("1.3.6.1.4.1.99999.1", [0x05, 0x00], critical: true)));
        var leaves = new List<X509Certificate2>
        {
            good,
            Leaf(ca, "second.contoso.com"),
            WithBrokenSignature(Leaf(ca, "tampered.contoso.com")),
            Leaf(impostor, "impostor.contoso.com"),
            unknownCritical,
            Leaf(ca, "ca-leaf.contoso.com", r => r.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true))),
            Leaf(ca, "expired.contoso.com", notAfter: Now.AddDays(-0.5)),
            Leaf(ca, "client-only.contoso.com", eku: "1.3.6.1.5.5.7.3.2"),
            Leaf(ca, "sha384.contoso.com", digest: HashAlgorithmName.SHA384),
            Leaf(ca, "sha384-again.contoso.com", digest: HashAlgorithmName.SHA384),
            Leaf(ca, "pss.contoso.com", pss: true),
            Leaf(ca, "other-crl.contoso.com", crl: "http://pki2.example.test/b.crl"),
            Leaf(ca, "other-crl-again.contoso.com", crl: "http://pki2.example.test/b.crl"),
            Leaf(ca, "last.contoso.com"),
        };

        var (shortcuts, problems) = SameAnswers(leaves, [root], [ca]);
        Assert.Equal(6, shortcuts); // second, expired, client-only, the second SHA-384, the second other-CRL, last
        Assert.Contains(problems[2], p => p.Contains("NotSignatureValid", StringComparison.Ordinal)); // tampered
        Assert.NotEmpty(problems[3]); // impostor: chains to an untrusted root
        Assert.Contains(problems[4], p => p.Contains("HasNotSupportedCriticalExtension", StringComparison.Ordinal));
        Assert.Empty(problems[0]);
    }

    [Fact]
    public void A_chain_with_a_problem_is_never_learned()
    {
        var root = Root("Old Root");
        var expiredCa = Intermediate(root, "Expired Issuing CA", notAfter: Now.AddDays(-1));
        var leaves = Enumerable.Range(0, 4).Select(i => Leaf(expiredCa, $"e{i}.contoso.com")).ToList();
        Assert.Equal(0, AssertSameAnswers(leaves, [root], [expiredCa]));

        var tightRoot = Root("Tight Root", pathLength: 0); // no intermediate allowed below it
        var below = Intermediate(tightRoot, "Too Deep CA");
        Assert.Equal(0, AssertSameAnswers([Leaf(below, "a.contoso.com"), Leaf(below, "b.contoso.com")], [tightRoot], [below]));

        var usageRoot = Root("Usage Root");
        var noCertSign = Intermediate(usageRoot, "No CertSign CA", usage: X509KeyUsageFlags.CrlSign);
        Assert.Equal(0, AssertSameAnswers([Leaf(noCertSign, "c.contoso.com"), Leaf(noCertSign, "d.contoso.com")], [usageRoot], [noCertSign]));
    }

    [Fact]
    public void Name_constraints_above_the_leaf_keep_every_chain_on_the_platform()
    {
        var root = Root("Constrained Root");
        var constraints = NameConstraints("contoso.com");
        var ca = Intermediate(root, "Constrained CA", extra: constraints);
        var leaves = new[] { Leaf(ca, "in.contoso.com"), Leaf(ca, "also.contoso.com"), Leaf(ca, "outside.fabrikam.com") };
        Assert.Equal(0, AssertSameAnswers(leaves, [root], [ca]));
    }

    [Fact]
    public void Ecdsa_issuers_and_certificates_from_the_root_itself_take_the_short_way_too()
    {
        var root = Root("EC Root", ecdsa: true);
        var ca = Intermediate(root, "EC Issuing CA", ecdsa: true);
        var fromCa = Enumerable.Range(0, 4).Select(i => Leaf(ca, $"ec{i}.contoso.com")).ToList();
        fromCa.Add(WithBrokenSignature(Leaf(ca, "ec-tampered.contoso.com")));
        Assert.Equal(3, AssertSameAnswers(fromCa, [root], [ca]));

        var rsaRoot = Root("Direct Root");
        var direct = Enumerable.Range(0, 3).Select(i => Leaf(rsaRoot, $"d{i}.contoso.com")).ToList();
        Assert.Equal(2, AssertSameAnswers(direct, [rsaRoot], []));
    }

    private static X509Extension NameConstraints(string permittedDns)
    {
        // NameConstraints ::= SEQUENCE { permittedSubtrees [0] GeneralSubtrees } (RFC 5280 §4.2.1.10)
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
        using (writer.PushSequence())
        {
            writer.WriteCharacterString(UniversalTagNumber.IA5String, permittedDns, new Asn1Tag(TagClass.ContextSpecific, 2));
        }

        return new X509Extension("2.5.29.30", writer.Encode(), critical: true);
    }
}
