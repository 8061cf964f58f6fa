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

    public static GeneratedFile Write(IEnumerable<GeneratedFile> files)
    {
        var text = new StringBuilder();
        foreach (var file in files.Where(f => f.RelativePath != FileName).OrderBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            text.Append(Convert.ToHexString(SHA256.HashData(file.Content)).ToLowerInvariant()).Append("  ").Append(file.RelativePath).Append('\n');
        }

        return new GeneratedFile(FileName, Encoding.ASCII.GetBytes(text.ToString()));
    }
}
