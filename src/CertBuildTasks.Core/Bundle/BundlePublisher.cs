using CertBuildTasks.Generation;
using CertBuildTasks.IO;

namespace CertBuildTasks.Bundle;

/// <summary>
/// Publishes the bundle: the complete folder is written beside the old one and swapped in with two
/// renames, and the zip is written to a temporary file and moved over the old zip. A build that fails
/// (read-only folder, full disk) or is cancelled before the swap leaves the previous bundle exactly as
/// it was, and leaves no partial folder or zip behind.
/// </summary>
public static class BundlePublisher
{
    /// <summary>How a new file is opened for writing. Tests pass streams that fail or cancel on the way.</summary>
    public delegate Stream FileOpener(string path);

    private static FileStream CreateNew(string path) => new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);

    /// <exception cref="OutputWriteException">A file or folder could not be written; nothing published before changed.</exception>
    public static void Publish(string bundleDirectory, string zipPath, IReadOnlyList<GeneratedFile> files, CancellationToken cancellationToken = default) =>
        Publish(bundleDirectory, zipPath, files, CreateNew, cancellationToken);

    /// <exception cref="OutputWriteException">A file or folder could not be written; nothing published before changed.</exception>
    public static void Publish(string bundleDirectory, string zipPath, IReadOnlyList<GeneratedFile> files, FileOpener open, CancellationToken cancellationToken)
    {
        var final = Path.GetFullPath(bundleDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(final)!;
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var staging = final + ".new-" + suffix;
        var retired = final + ".old-" + suffix;
        var zipTemp = Path.GetFullPath(zipPath) + ".new-" + suffix;
        var writing = staging;
        try
        {
            Directory.CreateDirectory(parent);
            foreach (var file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var path = Path.GetFullPath(Path.Combine(staging, file.RelativePath));
                if (FileNames.PathProblem(file.RelativePath) is not null || !path.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("A bundle path leaves the bundle folder: " + file.RelativePath);
                }

                writing = Path.Combine(final, file.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                Write(open, path, file.Content);
            }

            writing = Path.GetFullPath(zipPath);
            Write(open, zipTemp, DeterministicZip.Create(files));
            cancellationToken.ThrowIfCancellationRequested();

            // The swap: from here on nothing is cancelled.
            writing = final;
            if (Directory.Exists(final))
            {
                Directory.Move(final, retired);
            }

            try
            {
                Directory.Move(staging, final);
            }
            catch (Exception) when (Directory.Exists(retired) && !Directory.Exists(final))
            {
                Directory.Move(retired, final); // put the previous bundle back before reporting
                throw;
            }

            writing = Path.GetFullPath(zipPath);
            File.Move(zipTemp, Path.GetFullPath(zipPath), overwrite: true);
        }
        catch (Exception ex) when (ex is (IOException or UnauthorizedAccessException) and not OutputWriteException)
        {
            throw new OutputWriteException(writing, ex);
        }
        finally
        {
            foreach (var leftover in new[] { staging, retired })
            {
                DeleteQuietly(leftover);
            }

            AtomicFile.DeleteQuietly(zipTemp);
        }
    }

    private static void Write(FileOpener open, string path, byte[] content)
    {
        using var stream = open(path);
        stream.Write(content);
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The failure that left it (a read-only or full file system) is what gets reported.
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
