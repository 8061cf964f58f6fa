namespace CertBuildTasks.IO;

/// <summary>
/// Writes a file so that readers see the old content or the new one, never half of it: write a
/// temporary file beside the target, then move it over the target.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes only when the bytes differ, so the time stamp moves only with the content.</summary>
    public static bool WriteAllBytesIfChanged(string path, ReadOnlySpan<byte> content)
    {
        if (File.Exists(path) && ReadOrEmpty(path).AsSpan().SequenceEqual(content))
        {
            return false;
        }

        WriteAllBytes(path, content);
        return true;
    }

    private static byte[] ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return []; // unreadable: write it anew
        }
    }

    /// <exception cref="OutputWriteException">The file system refused the write (read-only, full, locked).</exception>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content)
    {
        try
        {
            Write(path, content);
        }
        catch (Exception ex) when (OutputWriteException.IsUnattributed(ex))
        {
            throw new OutputWriteException(path, ex);
        }
    }

    private static void Write(string path, ReadOnlySpan<byte> content)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            DeleteQuietly(temp);
        }
    }

    /// <summary>Removes a leftover temporary file; a failure here must not hide the failure that left it.</summary>
    public static void DeleteQuietly(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
