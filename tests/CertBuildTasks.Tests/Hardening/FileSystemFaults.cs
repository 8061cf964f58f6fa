using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Hardening;

/// <summary>
/// Real file system faults for the fault tests, made with what the operating system offers: a folder
/// nothing may be written into (chmod for a normal user; root ignores permissions, so for root the
/// immutable attribute, or a read-only bind mount), a file that cannot be replaced (immutable), and a
/// tiny file system that fills up (tmpfs).
/// </summary>
internal static class FileSystemFaults
{
    public static bool IsRoot => Environment.IsPrivilegedProcess;

    /// <summary>Makes <paramref name="folder"/> refuse new entries until disposed; null when this machine cannot.</summary>
    public static IDisposable? MakeReadOnly(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return null; // these tests run where the bundle is built for CI: Linux
        }

        if (!IsRoot)
        {
            const UnixFileMode ReadAndList = UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
            File.SetUnixFileMode(folder, ReadAndList);
#pragma warning disable CA1416 // the lambda runs on the same non-Windows path as the guard above
            return Verified(folder, new Undo(() => File.SetUnixFileMode(folder, ReadAndList | UnixFileMode.UserWrite)));
#pragma warning restore CA1416
        }

        if (Run("chattr", "+i", folder) == 0 && Verified(folder, new Undo(() => Run("chattr", "-i", folder))) is { } immutable)
        {
            return immutable;
        }

        if (Run("mount", "--bind", folder, folder) == 0)
        {
            var undo = new Undo(() => Run("umount", folder));
            if (Run("mount", "-o", "remount,bind,ro", folder) == 0)
            {
                return Verified(folder, undo);
            }

            undo.Dispose();
        }

        return null;
    }

    /// <summary>
    /// Makes <paramref name="file"/> impossible to replace or delete until disposed, as a zip held open by
    /// another program is on Windows (here: the immutable attribute, root only); null when this machine cannot.
    /// </summary>
    public static IDisposable? MakeUnreplaceable(string file)
    {
        if (OperatingSystem.IsWindows() || !IsRoot || Run("chattr", "+i", file) != 0)
        {
            return null;
        }

        var undo = new Undo(() => Run("chattr", "-i", file));
        var probe = file + ".probe-" + Guid.NewGuid().ToString("N");
        try
        {
            File.WriteAllText(probe, "x");
            File.Move(probe, file, overwrite: true);
            undo.Dispose(); // the rename went through: the attribute does not hold here
            throw new InvalidOperationException("the probe replaced the file it was to leave alone: " + file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(probe);
            return undo;
        }
    }

    /// <summary>Mounts a tmpfs of <paramref name="bytes"/> at <paramref name="folder"/>; null when this machine cannot (not root).</summary>
    public static IDisposable? MountTiny(string folder, long bytes)
    {
        Directory.CreateDirectory(folder);
        if (!IsRoot || Run("mount", "-t", "tmpfs", "-o", $"size={bytes / 1024}k", "tmpfs", folder) != 0)
        {
            return null;
        }

        return new Undo(() => Run("umount", folder));
    }

    /// <summary>Bytes a folder takes on a page-based file system (every file rounded up to 4 KiB).</summary>
    public static long PagesOf(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => (new FileInfo(f).Length + 4095) / 4096 * 4096)
        + (Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).Count() + 1) * 4096L;

    private static Undo? Verified(string folder, Undo undo)
    {
        var probe = Path.Combine(folder, ".probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllText(probe, "x");
            File.Delete(probe);
            undo.Dispose(); // writes still work: this way does not make it read-only here
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return undo;
        }
    }

    private static int Run(string command, params string[] arguments)
    {
        try
        {
            return ProcessRunner.Run(command, Path.GetTempPath(), arguments).ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1; // the tool is not installed
        }
    }

    private sealed class Undo(Action undo) : IDisposable
    {
        private Action? _undo = undo;

        public void Dispose() => Interlocked.Exchange(ref _undo, null)?.Invoke();
    }
}
