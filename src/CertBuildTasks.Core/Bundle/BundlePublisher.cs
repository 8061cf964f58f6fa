using CertBuildTasks.Generation;
using CertBuildTasks.IO;

namespace CertBuildTasks.Bundle;

/// <summary>
/// Publishes the bundle: the complete folder is written beside the old one and swapped in with two
/// renames, and the zip is written to a temporary file and moved over the old zip. A build that fails or
/// is cancelled before the swap leaves the previous bundle exactly as it was.
/// </summary>
public static class BundlePublisher
{
    public static void Publish(string bundleDirectory, string zipPath, IReadOnlyList<GeneratedFile> files, CancellationToken cancellationToken = default)
    {
        var final = Path.GetFullPath(bundleDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(final)!;
        Directory.CreateDirectory(parent);
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var staging = final + ".new-" + suffix;
        var retired = final + ".old-" + suffix;
        var zipTemp = Path.GetFullPath(zipPath) + ".new-" + suffix;
        try
        {
            foreach (var file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var path = Path.GetFullPath(Path.Combine(staging, file.RelativePath));
                if (!path.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("A bundle path leaves the bundle folder: " + file.RelativePath);
                }

                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, file.Content);
            }

            File.WriteAllBytes(zipTemp, DeterministicZip.Create(files));
            cancellationToken.ThrowIfCancellationRequested();

            // The swap: from here on nothing is cancelled.
            if (Directory.Exists(final))
            {
                Directory.Move(final, retired);
            }

            Directory.Move(staging, final);
            File.Move(zipTemp, Path.GetFullPath(zipPath), overwrite: true);
        }
        finally
        {
            foreach (var leftover in new[] { staging, retired })
            {
                if (Directory.Exists(leftover))
                {
                    Directory.Delete(leftover, recursive: true);
                }
            }

            if (File.Exists(zipTemp))
            {
                File.Delete(zipTemp);
            }
        }
    }

    /// <summary>Reads every file below a folder as bundle files ('/'-separated relative paths).</summary>
    public static List<GeneratedFile> ReadFolder(string directory) =>
        Directory.Exists(directory)
            ? [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Select(f => new GeneratedFile(Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllBytes(f)))
                .OrderBy(f => f.RelativePath, StringComparer.Ordinal)]
            : [];
}
