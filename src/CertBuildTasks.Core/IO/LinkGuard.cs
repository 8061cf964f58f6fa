namespace CertBuildTasks.IO;

/// <summary>
/// The folder the build owns (obj/…/certbuild/, the build state) is never written through a symbolic link or junction: a link planted there would carry the
/// generated files anywhere on the machine. A link is refused as an output that cannot be written
/// (CBT4007), with where it points.
/// </summary>
public static class LinkGuard
{
    /// <summary>Throws when <paramref name="directory"/> or a folder between it and <paramref name="ownedRoot"/> (inclusive) is a link.</summary>
    public static void EnsureNoLinks(string directory, string ownedRoot)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(ownedRoot));
        for (var d = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)); d is not null; d = Path.GetDirectoryName(d))
        {
            var info = new DirectoryInfo(d);
            if (info.Exists && info.LinkTarget is { } target)
            {
                throw new OutputWriteException(d, new IOException($"it is a link to {target}; the build does not write through links"));
            }

            if (string.Equals(d, root, StringComparison.Ordinal) || !d.StartsWith(root, StringComparison.Ordinal))
            {
                return;
            }
        }
    }
}
