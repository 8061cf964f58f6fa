using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace CertBuildTasks.Tests.Infrastructure;

/// <summary>What "the previous bundle survived" and "the bundle is complete" mean, for the hardening tests.</summary>
public static class BundleAssert
{
    /// <summary>
    /// '/'-separated relative path → SHA-256 of every file below <paramref name="folder"/>; a link is
    /// recorded by its target and a file of length 0 (an empty one, or a pipe or device a hostile
    /// input made) is never opened.
    /// </summary>
    public static Dictionary<string, string> Snapshot(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
                f => Path.GetRelativePath(folder, f).Replace('\\', '/'), Fingerprint, StringComparer.Ordinal)
            : [];

    private static string Fingerprint(string file)
    {
        var info = new FileInfo(file);
        return info.LinkTarget is { } target ? "link to " + target
            : info.Length == 0 ? "length 0"
            : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
    }

    /// <summary>No staging (.new-) or retired (.old-) folder or zip left beside the bundle.</summary>
    public static void NoLeftovers(string parent) =>
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(parent), e => e.Contains(".new-", StringComparison.Ordinal) || e.Contains(".old-", StringComparison.Ordinal));

    /// <summary>The manifest lists every other file with its hash, and the zip holds exactly the folder's files.</summary>
    public static void Complete(string folder, string zipPath)
    {
        var files = Snapshot(folder);
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "manifest.json")));
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("sha256").GetString()!.ToUpperInvariant(), StringComparer.Ordinal);
        Assert.Equal(files.Keys.Where(k => k is not "manifest.json" and not "SHA256SUMS").Order(StringComparer.Ordinal), listed.Keys.Order(StringComparer.Ordinal));
        Assert.All(listed, f => Assert.Equal(f.Value, files[f.Key]));
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(files.Keys.Order(StringComparer.Ordinal), zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
    }
}
