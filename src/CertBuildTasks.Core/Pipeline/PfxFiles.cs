using System.Security.Cryptography;
using CertBuildTasks.Csr;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;

namespace CertBuildTasks.Pipeline;

/// <summary>The gate's part in CertGenerateCsr: recognise certificates issued from the build's CSRs, and write their PFX beside the key.</summary>
internal static class PfxFiles
{
    /// <summary>The public keys of the stored keys, to recognise certificates issued from the build's CSRs.</summary>
    public static Dictionary<string, byte[]> PublicKeys(CertificatePlan plan, KeyStore store)
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var id in CsrStage.CentralKeyIds(plan).Where(store.Exists))
        {
            try
            {
                using var key = store.Load(id);
                keys[id] = key.ExportSubjectPublicKeyInfo();
            }
            catch (Exception ex) when (ex is CryptographicException or ArgumentException or IOException)
            {
                // Generation reports an unusable key (CBT4005); matching falls back to names.
            }
        }

        return keys;
    }

    /// <summary>A PFX (3DES/SHA-1) beside each stored key whose certificate was issued and passed.</summary>
    public static List<Diagnostic> Write(KeyStore store, IReadOnlyList<IssuedStage.Judged> passed)
    {
        var problems = new List<Diagnostic>();
        foreach (var match in passed.Select(j => j.Match).Where(m => store.Exists(m.Planned.Id)))
        {
            try
            {
                using var key = store.Load(match.Planned.Id);
                if (!key.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(match.Issued.Certificate.PublicKey.ExportSubjectPublicKeyInfo()))
                {
                    continue; // issued from a key made on the server, not from the build's CSR
                }

                store.WritePfx(match.Planned.Id, PfxWriter.Write(match.Issued.Certificate, key, store.Password));
            }
            catch (Exception ex) when (ex is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                problems.Add(Diagnostic.Create(CsrDiagnostics.KeyUnreadable, SourceLocation.File(store.PathOf(match.Planned.Id)), store.PathOf(match.Planned.Id), ex.Message));
            }
        }

        return problems;
    }
}
