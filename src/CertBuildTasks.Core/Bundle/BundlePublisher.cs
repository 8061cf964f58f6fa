using CertBuildTasks.Generation;
using CertBuildTasks.IO;
using CertBuildTasks.Naming;

namespace CertBuildTasks.Bundle;

/// <summary>
/// Publishes the bundle: the complete folder and zip are written beside the old ones, then swapped in
/// with three renames (old folder aside, new folder in, new zip over the old zip). A build that fails
/// (read-only folder, full disk, a zip held open) or is cancelled before the swap leaves the previous
/// bundle exactly as it was; a rename that fails during the swap is undone, so the folder and the zip
/// never come from two different builds; and no partial folder or zip is left behind.
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
    public static void Publish(string bundleDirectory, string zipPath, IReadOnlyList<GeneratedFile> files, FileOpener open, CancellationToken cancellationToken) =>
        Publish(bundleDirectory, zipPath, files, open, BundleMoves.FileSystem, cancellationToken);

    /// <param name="moves">The renames of the swap; tests pass ones that fail, to reach the paths that put the previous bundle back.</param>
    /// <exception cref="OutputWriteException">A file or folder could not be written; nothing published before changed.</exception>
    public static void Publish(string bundleDirectory, string zipPath, IReadOnlyList<GeneratedFile> files, FileOpener open, BundleMoves moves, CancellationToken cancellationToken)
    {
        var final = Path.GetFullPath(bundleDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var zip = Path.GetFullPath(zipPath);
        var parent = Path.GetDirectoryName(final)!;
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var staging = final + ".new-" + suffix;
        var retired = final + ".old-" + suffix;
        var zipTemp = zip + ".new-" + suffix;
        var writing = staging;
        var keepRetired = false;
        Task? zipping = null;
        using var stopZipping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            // Every path is checked before the first byte is written.
            var targets = new List<(GeneratedFile File, string Path)>(files.Count);
            foreach (var file in files)
            {
                // The name is checked before the platform parses it (a NUL would be an ArgumentException).
                if (FileNames.PathProblem(file.RelativePath) is not null)
                {
                    throw new InvalidOperationException("A bundle path is not a file name every system accepts: " + file.RelativePath);
                }

                var path = Path.GetFullPath(Path.Combine(staging, file.RelativePath));
                if (!path.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("A bundle path leaves the bundle folder: " + file.RelativePath);
                }

                targets.Add((file, path));
            }

            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(Path.GetDirectoryName(zip)!); // CertBundleZipPath may name a folder of its own
            foreach (var folder in targets.Select(t => Path.GetDirectoryName(t.Path)!).Distinct(StringComparer.Ordinal))
            {
                Directory.CreateDirectory(folder);
            }

            // The zip is deflated (CPU) while the folder is written (I/O): the two take about as long.
            zipping = Task.Run(() => Attributed(zip, () =>
            {
                using var zipStream = open(zipTemp);
                DeterministicZip.Write(zipStream, files, stopZipping.Token);
            }), CancellationToken.None); // always started, so it is always waited for; the writer checks the token
            Parallel.ForEach(targets, new ParallelOptions { CancellationToken = cancellationToken }, target =>
                Attributed(Path.Combine(final, target.File.RelativePath), () => Write(open, target.Path, target.File.Content)));
            zipping.GetAwaiter().GetResult();
            cancellationToken.ThrowIfCancellationRequested();

            // The swap: from here on nothing is cancelled, and a failed rename puts back what was there,
            // so the folder and the zip are always both the previous bundle or both the new one.
            writing = final;
            var hadFolder = Directory.Exists(final);
            if (hadFolder)
            {
                moves.MoveFolder(final, retired);
            }

            try
            {
                moves.MoveFolder(staging, final);
                writing = zip;
                moves.ReplaceFile(zipTemp, zip);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                keepRetired = !PutBack(moves, final, staging, hadFolder ? retired : null);
                if (keepRetired)
                {
                    throw new OutputWriteException(writing, new IOException(
                        $"{ex.Message}; putting the previous bundle back failed as well, it is kept in '{retired}'", ex));
                }

                throw;
            }
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            // A write that failed on one of the parallel writers: the first failure is the one to report.
            var first = ex.InnerExceptions.FirstOrDefault(e => e is OutputWriteException) ?? ex.InnerExceptions[0];
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
            throw;
        }
        catch (Exception ex) when (OutputWriteException.IsUnattributed(ex))
        {
            throw new OutputWriteException(writing, ex);
        }
        finally
        {
            // The zip writer is stopped (when the folder failed) and done before anything it wrote is removed.
            stopZipping.Cancel();
            try
            {
                zipping?.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // Its failure was reported, or a failure of the folder is.
            }

            DeleteQuietly(staging);
            if (!keepRetired)
            {
                DeleteQuietly(retired);
            }

            AtomicFile.DeleteQuietly(zipTemp);
        }
    }

    /// <summary>Undoes a swap that failed half-way: the new folder goes back to staging, the retired one (if any) back in place.</summary>
    /// <returns>false when the previous folder could not be put back (it is still in <paramref name="retired"/>).</returns>
    private static bool PutBack(BundleMoves moves, string final, string staging, string? retired)
    {
        try
        {
            if (Directory.Exists(final) && !Directory.Exists(staging))
            {
                moves.MoveFolder(final, staging);
            }

            if (retired is not null && Directory.Exists(retired))
            {
                moves.MoveFolder(retired, final);
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return retired is null || !Directory.Exists(retired);
        }
    }

    /// <summary>Runs a write, turning a file system failure into an OutputWriteException for the bundle path it was writing.</summary>
    private static void Attributed(string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (OutputWriteException.IsUnattributed(ex))
        {
            throw new OutputWriteException(path, ex);
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
