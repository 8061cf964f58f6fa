using CertBuildTasks.Generation;

namespace CertBuildTasks.IO;

/// <summary>
/// Writes generated files into the bundle folder: each file atomically and only when its bytes
/// changed (so time stamps move only with content), and removes the files an earlier build generated
/// under the given folders that the plan no longer has (a server removed from the topology).
/// </summary>
public static class BundleFolderWriter
{
    public static void Write(string bundleDirectory, IReadOnlyList<GeneratedFile> files, IReadOnlyList<string> ownedFolders, CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(bundleDirectory);

        // Every path is checked before the first byte is written: inside the folder, and not through a
        // link planted in it or in the build's folder above it.
        var targets = files.Select(f => (File: f, Path: Resolve(root, f.RelativePath))).ToList();
        var owned = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(root)) ?? root;
        foreach (var folder in targets.Select(t => Path.GetDirectoryName(t.Path)!).Distinct(StringComparer.Ordinal))
        {
            LinkGuard.EnsureNoLinks(folder, owned);
        }

        var wanted = targets.Select(t => t.Path).ToHashSet(StringComparer.Ordinal);
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var (file, path) in targets)
        {
            AtomicFile.WriteAllBytesIfChanged(path, file.Content);
        }

        foreach (var folder in ownedFolders)
        {
            var directory = Resolve(root, folder);
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (var stale in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Where(f => !wanted.Contains(f)).ToList())
            {
                OutputWriteException.Guard(stale, () => File.Delete(stale));
            }

            foreach (var empty in Directory.EnumerateDirectories(directory, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length).Where(d => !Directory.EnumerateFileSystemEntries(d).Any()).ToList())
            {
                OutputWriteException.Guard(empty, () => Directory.Delete(empty));
            }
        }
    }

    /// <summary>Every generated path must stay inside the bundle folder, whatever a name contained.</summary>
    private static string Resolve(string root, string relative)
    {
        // Names are validated where they come from (CBT1102, CBT1118); this is the last line of defence.
        if (FileNames.PathProblem(relative) is { } problem)
        {
            throw new InvalidOperationException($"A generated path is not a file name every system accepts ({problem}): {relative}");
        }

        var path = Path.GetFullPath(Path.Combine(root, relative));
        if (!path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("A generated path leaves the bundle folder: " + relative);
        }

        return path;
    }
}
