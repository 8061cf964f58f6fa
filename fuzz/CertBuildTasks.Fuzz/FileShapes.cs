using System.Diagnostics;

namespace CertBuildTasks.Fuzz;

/// <summary>
/// What an input path can be besides a regular file: a named pipe (blocks whoever opens it), a link to
/// /dev/zero or /dev/urandom (never ends, length 0), a folder, a loop of links, a dangling link. The
/// readers must refuse each without opening it for ever.
/// </summary>
public static class FileShapes
{
    public static readonly string[] Shapes = ["file", "fifo", "dev-zero", "dev-urandom", "folder", "link-loop", "dangling-link"];

    /// <summary>Makes <paramref name="path"/> the shape (a regular file holds <paramref name="content"/>).</summary>
    public static void Make(string path, string shape, byte[] content)
    {
        Clear(path);
        switch (shape)
        {
            case "fifo":
                using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!)
                {
                    mkfifo.WaitForExit();
                }

                break;
            case "dev-zero":
                File.CreateSymbolicLink(path, "/dev/zero");
                break;
            case "dev-urandom":
                File.CreateSymbolicLink(path, "/dev/urandom");
                break;
            case "folder":
                Directory.CreateDirectory(path);
                File.WriteAllBytes(Path.Combine(path, "inside"), content);
                break;
            case "link-loop":
                File.CreateSymbolicLink(path, path);
                break;
            case "dangling-link":
                File.CreateSymbolicLink(path, path + ".missing");
                break;
            default:
                File.WriteAllBytes(path, content);
                break;
        }
    }

    /// <summary>Removes whatever the path is (a link is removed, never followed).</summary>
    public static void Clear(string path)
    {
        if (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null)
        {
            Directory.Delete(path, recursive: true);
        }
        else if (File.Exists(path) || new FileInfo(path).LinkTarget is not null)
        {
            File.Delete(path);
        }
    }
}
