using System.Security.Cryptography;

namespace CertBuildTasks.Csr;

/// <summary>
/// Private keys generated for CSRs: one encrypted PKCS#8 PEM file per certificate id in the key store
/// folder, reused by later builds, never written unencrypted, readable by the owner only on Unix.
/// </summary>
public sealed class KeyStore(string directory, string password)
{
    internal string Password => password;

    /// <summary>PBKDF2 iterations: costly for an attacker, about 50 ms once per build (see EncryptedKeyWriter).</summary>
    public const int Iterations = 100_000;

    private readonly EncryptedKeyWriter _writer = new(password, Iterations);

    public string Directory { get; } = Path.GetFullPath(directory);

    public string PathOf(string id) => Path.Combine(Directory, id + ".key.pem");

    public bool Exists(string id) => File.Exists(PathOf(id));

    /// <summary>The stored key; throws CryptographicException when the password is wrong or the file is damaged.</summary>
    public RSA Load(string id)
    {
        var rsa = RSA.Create();
        try
        {
            // A stored key is a few KB; the one bounded reader refuses a pipe, a device or a huge file.
            var pem = IO.InputFile.ReadBytes(PathOf(id), 1024 * 1024, out var problem) ?? throw new IOException($"the stored key of {id} cannot be read: {problem}");
            rsa.ImportFromEncryptedPem(System.Text.Encoding.ASCII.GetString(pem), password);
            return rsa;
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    public string PfxPathOf(string id) => Path.Combine(Directory, id + ".pfx");

    /// <summary>The PFX of an issued certificate with its stored key, owner-only like the keys.</summary>
    public void WritePfx(string id, byte[] pfx)
    {
        var path = PfxPathOf(id);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        {
            stream.Write(pfx);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>
    /// Stores a new key unless one appeared meanwhile (another build sharing the store): returns false
    /// then, and the caller loads the stored one. The file is created readable by the owner only and
    /// appears complete or not at all.
    /// </summary>
    public bool TrySaveNew(string id, RSA key)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var pem = _writer.WritePem(key);
        var path = PathOf(id);
        var temp = Path.Combine(Directory, "." + id + "." + Guid.NewGuid().ToString("N") + ".tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(System.Text.Encoding.ASCII.GetBytes(pem));
                stream.Flush(flushToDisk: true);
            }

            if (File.Exists(path))
            {
                return false;
            }

            File.Move(temp, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false; // another build stored its key first
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
