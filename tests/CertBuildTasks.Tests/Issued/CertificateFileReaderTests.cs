using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Issued;

/// <summary>Every way a certificate file can be given, and every wrong thing given instead.</summary>
public sealed class CertificateFileReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestPki _pki = new();

    public void Dispose()
    {
        _pki.Dispose();
        _dir.Dispose();
    }

    private (IReadOnlyList<LoadedCertificate> Certificates, IReadOnlyList<Diagnostic> Diagnostics) Read(string name, byte[] content)
    {
        var path = _dir.File(name);
        File.WriteAllBytes(path, content);
        var bag = new DiagnosticBag();
        return (CertificateFileReader.Read(path, null, bag), bag.Items);
    }

    [Fact]
    public void A_certificate_with_two_san_extensions_is_malformed_and_said_so()
    {
        // Windows and OpenSSL disagree on which SAN extension counts; RFC 5280 allows one.
        var sans = new SubjectAlternativeNameBuilder();
        sans.AddDnsName("evil.fabrikam.com");
        var twice = _pki.IssueWithAppendedExtension(Hardening.CorpusRecipes.Planned("frontend-fe01.contoso.com"), sans.Build());
        var (certificates, diagnostics) = Read("twice.cer", twice.RawData);
        Assert.Empty(certificates);
        var d = Assert.Single(diagnostics);
        Assert.Equal("CBT3001", d.Id);
        Assert.Contains("Subject Alternative Name (2.5.29.17) appears 2 times", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Der_pem_several_pem_and_p7b_are_read()
    {
        Assert.Single(Read("a.cer", _pki.Root.RawData).Certificates);
        Assert.Single(Read("a.pem", System.Text.Encoding.ASCII.GetBytes(_pki.Root.ExportCertificatePem())).Certificates);
        Assert.Equal(2, Read("chain.pem", System.Text.Encoding.ASCII.GetBytes(_pki.Root.ExportCertificatePem() + "\n" + _pki.Intermediate.ExportCertificatePem())).Certificates.Count);
        var p7b = new X509Certificate2Collection { _pki.Root, _pki.Intermediate }.Export(X509ContentType.Pkcs7)!;
        var (certificates, diagnostics) = Read("chain.p7b", p7b);
        Assert.Equal(2, certificates.Count);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void A_corrupt_file_is_CBT3001()
    {
        var der = _pki.Root.RawData;
        var (certificates, diagnostics) = Read("corrupt.cer", der[..(der.Length / 2)]);
        Assert.Empty(certificates);
        Assert.Equal("CBT3001", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void An_empty_file_is_CBT3001() => Assert.Contains("empty", Assert.Single(Read("empty.cer", [.. "  \n"u8]).Diagnostics).Message, StringComparison.Ordinal);

    [Fact]
    public void A_private_key_pem_is_CBT3002_and_nothing_of_it_is_read_or_repeated()
    {
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportPkcs8PrivateKeyPem();
        var (certificates, diagnostics) = Read("oops.pem", System.Text.Encoding.ASCII.GetBytes(_pki.Root.ExportCertificatePem() + pem));
        Assert.Empty(certificates);
        var d = Assert.Single(diagnostics);
        Assert.Equal("CBT3002", d.Id);
        Assert.DoesNotContain(pem.Split('\n')[1], d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pfx_with_or_without_password_is_CBT3003()
    {
        using var rsa = RSA.Create(2048);
        using var self = new CertificateRequest("CN=x", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        Assert.Equal("CBT3003", Assert.Single(Read("a.pfx", self.Export(X509ContentType.Pfx)).Diagnostics).Id);
        Assert.Equal("CBT3003", Assert.Single(Read("b.pfx", self.Export(X509ContentType.Pfx, "secret")).Diagnostics).Id);
    }

    [Fact]
    public void A_csr_given_by_mistake_is_CBT3001_saying_so()
    {
        using var rsa = RSA.Create(2048);
        var csr = new CertificateRequest("CN=x", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSigningRequestPem();
        Assert.Contains("certificate request", Assert.Single(Read("x.pem", System.Text.Encoding.ASCII.GetBytes(csr)).Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_time_accepts_unix_seconds_and_iso_8601_and_defaults_to_now()
    {
        var now = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
        Assert.True(ValidationTime.TryParse("1798761600", now, out var epoch));
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), epoch);
        Assert.True(ValidationTime.TryParse("2027-06-01T12:00:00Z", now, out var iso));
        Assert.Equal(new DateTimeOffset(2027, 6, 1, 12, 0, 0, TimeSpan.Zero), iso);
        Assert.True(ValidationTime.TryParse("", now, out var empty));
        Assert.Equal(now, empty);
        Assert.False(ValidationTime.TryParse("next tuesday", now, out _));
    }

    [Fact]
    public void An_empty_pem_block_is_CBT3001_not_a_crash() =>
        Assert.Equal("CBT3001", Assert.Single(Read("empty-block.pem", System.Text.Encoding.ASCII.GetBytes("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n")).Diagnostics).Id);

    [Fact]
    public void A_pfx_wrapped_in_pem_is_CBT3003()
    {
        using var rsa = RSA.Create(2048);
        using var self = new CertificateRequest("CN=x", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        var pem = PemEncoding.WriteString("CERTIFICATE", self.Export(X509ContentType.Pfx));
        var (certificates, diagnostics) = Read("wrapped.pem", System.Text.Encoding.ASCII.GetBytes(pem));
        Assert.Empty(certificates);
        Assert.Equal("CBT3003", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void Pem_after_a_long_text_preamble_is_read_completely()
    {
        var preamble = string.Concat(Enumerable.Repeat("Certificate:\n    Data: ...text output of openssl x509 -text...\n", 200));
        var text = preamble + _pki.Root.ExportCertificatePem() + "\n" + _pki.Intermediate.ExportCertificatePem() + "\n";
        Assert.True(text.IndexOf("-----BEGIN", StringComparison.Ordinal) > 4096);
        Assert.Equal(2, Read("long.pem", System.Text.Encoding.ASCII.GetBytes(text)).Certificates.Count);
    }
}
