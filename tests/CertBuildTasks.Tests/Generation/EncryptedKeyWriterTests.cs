using System.Formats.Asn1;
using System.Security.Cryptography;
using CertBuildTasks.Csr;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Generation;

/// <summary>
/// The key store's own PKCS#8 writer (one key derivation per build) writes what the platform writes,
/// and what the platform and the OpenSSL CLI read back.
/// </summary>
public sealed class EncryptedKeyWriterTests : IDisposable
{
    private static readonly Lazy<RSA> Key = new(() => RSA.Create(2048));
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_platform_reads_the_key_back_with_the_password_and_refuses_another()
    {
        var pem = new EncryptedKeyWriter("correct horse ✓", 100_000).WritePem(Key.Value);
        Assert.StartsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----", pem, StringComparison.Ordinal);
        using var read = RSA.Create();
        read.ImportFromEncryptedPem(pem, "correct horse ✓");
        Assert.Equal(Key.Value.ExportRSAPrivateKey(), read.ExportRSAPrivateKey());
        using var wrong = RSA.Create();
        Assert.ThrowsAny<CryptographicException>(() => wrong.ImportFromEncryptedPem(pem, "correct horse"));
    }

    [Fact]
    public void The_openssl_cli_decrypts_it_to_the_same_key()
    {
        var path = _dir.Write("k.key.pem", new EncryptedKeyWriter("s3cret-pass", 100_000).WritePem(Key.Value));
        var publicKey = OpenSsl.Run(_dir.Path, "pkey", "-in", path, "-passin", "pass:s3cret-pass", "-pubout");
        Assert.Equal(Key.Value.ExportSubjectPublicKeyInfoPem().Trim(), publicKey.Trim());
        var (exitCode, _) = ProcessRunner.Run("openssl", _dir.Path, ["pkey", "-in", path, "-passin", "pass:not-it", "-noout"]);
        Assert.NotEqual(0, exitCode);
    }

    [Fact]
    public void The_structure_is_the_platforms_own_pbes2_layout()
    {
        var ours = Outline(new EncryptedKeyWriter("pw", 100_000).WritePem(Key.Value));
        var platform = Outline(Key.Value.ExportEncryptedPkcs8PrivateKeyPem("pw", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000)));
        Assert.Equal(platform.Algorithms, ours.Algorithms);
        Assert.Equal(100_000, ours.Iterations);
        Assert.Equal(16, ours.Salt.Length);
        Assert.Equal(16, ours.Iv.Length);
    }

    [Fact]
    public void One_writer_derives_once_and_varies_the_iv_another_writer_has_another_salt()
    {
        var writer = new EncryptedKeyWriter("pw", 1_000);
        var a = Outline(writer.WritePem(Key.Value));
        var b = Outline(writer.WritePem(Key.Value));
        var c = Outline(new EncryptedKeyWriter("pw", 1_000).WritePem(Key.Value));
        Assert.Equal(a.Salt, b.Salt);
        Assert.NotEqual(a.Iv, b.Iv);
        Assert.NotEqual(a.Ciphertext, b.Ciphertext);
        Assert.NotEqual(a.Salt, c.Salt);
    }

    private sealed record Pbes2Outline(IReadOnlyList<string> Algorithms, byte[] Salt, int Iterations, byte[] Iv, byte[] Ciphertext);

    /// <summary>EncryptedPrivateKeyInfo → PBES2 → (PBKDF2 salt, iterations, PRF), (cipher, IV), ciphertext.</summary>
    private static Pbes2Outline Outline(string pem)
    {
        var fields = PemEncoding.Find(pem);
        var der = Convert.FromBase64String(pem[fields.Base64Data]);
        var info = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var algorithm = info.ReadSequence();
        var pbes2 = algorithm.ReadObjectIdentifier();
        var parameters = algorithm.ReadSequence();
        var kdf = parameters.ReadSequence();
        var pbkdf2 = kdf.ReadObjectIdentifier();
        var kdfParameters = kdf.ReadSequence();
        var salt = kdfParameters.ReadOctetString();
        kdfParameters.TryReadInt32(out var iterations);
        var prf = kdfParameters.ReadSequence();
        var prfOid = prf.ReadObjectIdentifier();
        var scheme = parameters.ReadSequence();
        var cipher = scheme.ReadObjectIdentifier();
        var iv = scheme.ReadOctetString();
        var ciphertext = info.ReadOctetString();
        return new Pbes2Outline([pbes2, pbkdf2, prfOid, cipher], salt, iterations, iv, ciphertext);
    }
}
