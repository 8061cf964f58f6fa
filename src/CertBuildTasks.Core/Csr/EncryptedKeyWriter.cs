using System.Formats.Asn1;
using System.Security.Cryptography;

namespace CertBuildTasks.Csr;

/// <summary>
/// Writes private keys as PKCS#8 EncryptedPrivateKeyInfo (RFC 5958 §3) with PBES2 (RFC 8018 §6.2):
/// PBKDF2-HMAC-SHA256 and AES-256-CBC — the structure ExportEncryptedPkcs8PrivateKeyPem writes, and
/// which it, ImportFromEncryptedPem and `openssl pkey` read.
///
/// Why not ExportEncryptedPkcs8PrivateKeyPem itself: it derives the AES key anew for every key (a
/// fresh salt each time), and 100,000 PBKDF2 iterations cost about a fifth of an RSA-2048 key
/// generation, for every certificate of a build. Here the key is derived once per writer (one build's
/// key store): every file of that build carries the same salt and iteration count and its own random
/// IV. An attacker's cost per password guess is unchanged — one derivation breaks every file that
/// shares the password either way — and files from other builds have other salts.
/// </summary>
public sealed class EncryptedKeyWriter
{
    private const string Pbes2 = "1.2.840.113549.1.5.13";
    private const string Pbkdf2 = "1.2.840.113549.1.5.12";
    private const string HmacWithSha256 = "1.2.840.113549.2.9";
    private const string Aes256Cbc = "2.16.840.1.101.3.4.1.42";

    private readonly byte[] _salt = RandomNumberGenerator.GetBytes(16);
    private readonly Lazy<byte[]> _key;
    private readonly int _iterations;

    public EncryptedKeyWriter(string password, int iterations)
    {
        _iterations = iterations;
        _key = new Lazy<byte[]>(() => Rfc2898DeriveBytes.Pbkdf2(password, _salt, iterations, HashAlgorithmName.SHA256, 32), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The key as an "ENCRYPTED PRIVATE KEY" PEM block.</summary>
    public string WritePem(AsymmetricAlgorithm key)
    {
        var plain = key.ExportPkcs8PrivateKey();
        try
        {
            var iv = RandomNumberGenerator.GetBytes(16);
            using var aes = Aes.Create();
            aes.Key = _key.Value;
            var encrypted = aes.EncryptCbc(plain, iv, PaddingMode.PKCS7);
            return PemEncoding.WriteString("ENCRYPTED PRIVATE KEY", Encode(iv, encrypted));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    private byte[] Encode(byte[] iv, byte[] encrypted)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            using (w.PushSequence())
            {
                w.WriteObjectIdentifier(Pbes2);
                using (w.PushSequence())
                {
                    using (w.PushSequence())
                    {
                        w.WriteObjectIdentifier(Pbkdf2);
                        using (w.PushSequence())
                        {
                            w.WriteOctetString(_salt);
                            w.WriteInteger(_iterations);
                            using (w.PushSequence())
                            {
                                w.WriteObjectIdentifier(HmacWithSha256);
                                w.WriteNull();
                            }
                        }
                    }

                    using (w.PushSequence())
                    {
                        w.WriteObjectIdentifier(Aes256Cbc);
                        w.WriteOctetString(iv);
                    }
                }
            }

            w.WriteOctetString(encrypted);
        }

        return w.Encode();
    }
}
