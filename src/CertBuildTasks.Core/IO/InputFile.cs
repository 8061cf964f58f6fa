namespace CertBuildTasks.IO;

/// <summary>
/// The one way an input file is read (topology, policy, overrides, issued, trusted and deployed
/// certificates, .editorconfig and .globalconfig, stored keys): a regular file of at most a given
/// size, or a reason why not. A FIFO would block the build for ever and a device such as /dev/zero
/// would never end; both report a size of 0 where a regular file reports its length, so a file of
/// length 0 is never opened. What is read is capped too, whatever the length said (a file that grows
/// while it is read).
/// </summary>
public static class InputFile
{
    /// <summary>The file itself, after every link (a link's own length is that of the path it holds).</summary>
    public static FileInfo Resolve(string path)
    {
        var info = new FileInfo(path);
        try
        {
            return info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target ? target : info;
        }
        catch (IOException)
        {
            return info; // a loop of links: opening it fails, and says so
        }
    }

    public static byte[]? ReadBytes(string path, long maxBytes, out string? problem)
    {
        problem = null;
        try
        {
            if (Directory.Exists(path))
            {
                problem = "it is a folder, not a file";
                return null;
            }

            var info = Resolve(path);
            if (!info.Exists)
            {
                problem = "it does not exist";
                return null;
            }

            if (info.Length == 0)
            {
                problem = "it is empty, or not a regular file (a pipe or a device has no length to read)";
                return null;
            }

            if (info.Length > maxBytes)
            {
                problem = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"it is {info.Length:N0} bytes; the limit is {maxBytes:N0}");
                return null;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            var buffer = new byte[info.Length];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = stream.Read(buffer, read, buffer.Length - read);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            if (stream.ReadByte() >= 0)
            {
                problem = "it grew while it was read";
                return null;
            }

            return read == buffer.Length ? buffer : buffer[..read];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            problem = ex.Message;
            return null;
        }
    }
}
