using System.Security.Cryptography;
using CertBuildTasks.IO;

namespace CertBuildTasks.Csr;

/// <summary>
/// Private keys generated for CSRs: one encrypted PKCS#8 PEM file per certificate id in the key store
/// folder, reused by later builds, never written unencrypted, readable by the owner only on Unix.
/// </summary>
public sealed class KeyStore(string directory, string password)
{
    /// <summary>PBKDF2 iterations: costly for an attacker, about 50 ms per key for a build.</summary>
    public const int Iterations = 100_000;

    public string Directory { get; } = Path.GetFullPath(directory);

    public string PathOf(string id) => Path.Combine(Directory, id + ".key.pem");

    public bool Exists(string id) => File.Exists(PathOf(id));

    /// <summary>The stored key; throws CryptographicException when the password is wrong or the file is damaged.</summary>
    public RSA Load(string id)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromEncryptedPem(File.ReadAllText(PathOf(id)), password);
            return rsa;
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    public void Save(string id, RSA key)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var pem = key.ExportEncryptedPkcs8PrivateKeyPem(password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, Iterations));
        var path = PathOf(id);
        AtomicFile.WriteAllBytes(path, System.Text.Encoding.ASCII.GetBytes(pem));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
