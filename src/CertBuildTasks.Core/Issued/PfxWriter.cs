using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace CertBuildTasks.Issued;

/// <summary>
/// A PFX of an issued certificate and its centrally generated key, encrypted with 3DES and SHA-1 PBE and
/// a SHA-1 MAC: the only PKCS#12 form Windows Server 2012 R2 and 2016 import.
/// </summary>
public static class PfxWriter
{
    public const int Iterations = 2000;

    public static byte[] Write(X509Certificate2 certificate, RSA key, string password)
    {
        var pbe = new PbeParameters(PbeEncryptionAlgorithm.TripleDes3KeyPkcs12, HashAlgorithmName.SHA1, Iterations);
        var localKeyId = new Pkcs9LocalKeyId(certificate.GetCertHash());

        var keys = new Pkcs12SafeContents();
        var keyBag = keys.AddShroudedKey(key, password, pbe);
        keyBag.Attributes.Add(localKeyId);

        var certificates = new Pkcs12SafeContents();
        var certificateBag = certificates.AddCertificate(certificate);
        certificateBag.Attributes.Add(localKeyId);

        var builder = new Pkcs12Builder();
        builder.AddSafeContentsEncrypted(certificates, password, pbe);
        builder.AddSafeContentsUnencrypted(keys);
        builder.SealWithMac(password, HashAlgorithmName.SHA1, Iterations);
        return builder.Encode();
    }
}
