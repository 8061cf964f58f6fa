namespace CertBuildTasks.Naming;

/// <summary>
/// A name that becomes one segment of a bundle path must name the same single file on every system the
/// bundle travels to: built on Linux or Windows, unpacked and run on Windows Server. So a segment is
/// accepted exactly as it is, or refused — never altered.
/// </summary>
public static class FileNames
{
    /// <summary>NTFS and ext4 both stop at 255 (UTF-16 units there, bytes here; ASCII makes them equal).</summary>
    public const int MaxSegmentLength = 255;

    private const string WindowsInvalid = "<>:\"/\\|?*";

    // Device names Windows resolves whatever the extension ("con.contoso.com" is CON).
    private static readonly HashSet<string> WindowsDevices = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
    };

    /// <summary>Why <paramref name="segment"/> cannot be a file or folder name of the bundle, or null when it can.</summary>
    public static string? Problem(string segment)
    {
        if (segment.Length == 0)
        {
            return "the name is empty";
        }

        if (segment is "." or "..")
        {
            return "it refers to a folder, not a name";
        }

        if (segment.Length > MaxSegmentLength)
        {
            return $"it is {segment.Length} characters long; file names stop at {MaxSegmentLength}";
        }

        foreach (var c in segment)
        {
            if (c > 0x7E || c < 0x20)
            {
                return c < 0x20 || c == 0x7F
                    ? $"it contains the control character U+{(int)c:X4}"
                    : $"it contains the non-ASCII character '{c}' (U+{(int)c:X4}), which file systems and zip tools store differently";
            }

            if (WindowsInvalid.Contains(c, StringComparison.Ordinal))
            {
                return $"it contains '{c}', which Windows does not allow in a file name";
            }
        }

        if (segment[^1] is '.' or ' ')
        {
            return "it ends with a dot or a space, which Windows drops";
        }

        var stem = segment.Split('.')[0].TrimEnd(' ');
        if (WindowsDevices.Contains(stem))
        {
            return $"Windows reads a name starting with '{stem}.' as the device {stem.ToUpperInvariant()}";
        }

        return null;
    }

    /// <summary>The first problem of any segment of a '/'-separated relative path, or null.</summary>
    public static string? PathProblem(string relativePath)
    {
        foreach (var segment in relativePath.Split('/'))
        {
            if (Problem(segment) is { } problem)
            {
                return $"'{segment}': {problem}";
            }
        }

        return null;
    }
}
