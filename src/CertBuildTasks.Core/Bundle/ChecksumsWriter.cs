using System.Security.Cryptography;
using System.Text;
using CertBuildTasks.Generation;

namespace CertBuildTasks.Bundle;

/// <summary>
/// SHA256SUMS: every other file of the bundle, manifest.json included, in the format `sha256sum -c`
/// checks (a hash, two spaces, the path), so an admin verifies a copied bundle with the tool at hand
/// (`sha256sum -c SHA256SUMS` on Linux, or `Get-FileHash` line by line in PowerShell).
/// </summary>
public static class ChecksumsWriter
{
    public const string FileName = "SHA256SUMS";

    /// <param name="sha256">The SHA-256 of a file, when the caller already has it (null: computed here).</param>
    public static GeneratedFile Write(IEnumerable<GeneratedFile> files, Func<GeneratedFile, byte[]>? sha256 = null)
    {
        sha256 ??= f => SHA256.HashData(f.Content);
        var text = new StringBuilder();
        foreach (var file in files.Where(f => f.RelativePath != FileName).OrderBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            text.Append(Convert.ToHexString(sha256(file)).ToLowerInvariant()).Append("  ").Append(file.RelativePath).Append('\n');
        }

        return new GeneratedFile(FileName, Encoding.ASCII.GetBytes(text.ToString()));
    }
}
