using System.IO.Compression;
using CertBuildTasks.Generation;

namespace CertBuildTasks.Bundle;

/// <summary>
/// A zip whose bytes depend only on the files: entries sorted by path, one fixed time stamp, fixed
/// permissions (rw-r--r--), the same compression. Two builds of the same inputs give the same zip.
/// </summary>
public static class DeterministicZip
{
    /// <summary>1980-01-01, the earliest time a zip (DOS) time stamp can hold.</summary>
    public static readonly DateTimeOffset Timestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const int UnixFileMode644 = 0b110_100_100;

    public static byte[] Create(IEnumerable<GeneratedFile> files)
    {
        using var stream = new MemoryStream();
        Write(stream, files);
        return stream.ToArray();
    }

    /// <summary>Writes the zip straight into <paramref name="target"/>: a bundle of 40,000 files is never held twice in memory.</summary>
    public static void Write(Stream target, IEnumerable<GeneratedFile> files, CancellationToken cancellationToken = default)
    {
        using var zip = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var file in files.OrderBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entry = zip.CreateEntry(file.RelativePath, CompressionLevel.Optimal);
            entry.LastWriteTime = Timestamp;
            entry.ExternalAttributes = (0x8000 | UnixFileMode644) << 16; // regular file, 0644
            using var content = entry.Open();
            content.Write(file.Content);
        }
    }
}
