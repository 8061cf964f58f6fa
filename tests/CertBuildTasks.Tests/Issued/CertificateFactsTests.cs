using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertBuildTasks.Issued;

namespace CertBuildTasks.Tests.Issued;

/// <summary>The facts read without a second OpenSSL decode agree with the platform's own answers.</summary>
public sealed class CertificateFactsTests
{
    [Theory]
    [InlineData(1024)]
    [InlineData(2048)]
    [InlineData(2056)]
    [InlineData(3072)]
    [InlineData(4096)]
    public void Rsa_key_size_is_read_from_the_modulus_as_the_platform_reports_it(int bits)
    {
        using var key = RSA.Create(bits);
        using var certificate = new CertificateRequest("CN=size.contoso.com", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var platform = certificate.GetRSAPublicKey()!;
        Assert.Equal(platform.KeySize, CertificateFacts.RsaKeySize(certificate));
        Assert.Equal(bits, CertificateFacts.RsaKeySize(certificate));
    }

    [Fact]
    public void An_ecdsa_key_has_no_rsa_size()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest("CN=ec.contoso.com", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Assert.Null(CertificateFacts.RsaKeySize(certificate));
    }

    [Fact]
    public void The_shape_check_tells_a_certificate_from_a_pfx_and_a_p7b()
    {
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=shape.contoso.com", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var pfx = certificate.Export(X509ContentType.Pfx, "pw")!;
        var p7b = new X509Certificate2Collection { certificate }.Export(X509ContentType.Pkcs7)!;

        Assert.True(CertificateFacts.OpensWith(certificate.RawData, Asn1Tag.Sequence));
        Assert.False(CertificateFacts.OpensWith(certificate.RawData, Asn1Tag.Integer));
        Assert.True(CertificateFacts.OpensWith(pfx, Asn1Tag.Integer));
        Assert.False(CertificateFacts.OpensWith(p7b, Asn1Tag.Sequence));
        Assert.False(CertificateFacts.OpensWith([0x30, 0x05, 0x02], Asn1Tag.Integer)); // truncated: no answer, no exception
        Assert.False(CertificateFacts.OpensWith([], Asn1Tag.Sequence));
    }
}
