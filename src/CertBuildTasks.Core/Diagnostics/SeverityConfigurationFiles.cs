namespace CertBuildTasks.Diagnostics;

/// <summary>
/// The build's side of <see cref="SeverityConfiguration"/>: finds and reads the .editorconfig and
/// .globalconfig files from disk (bounded, never through a pipe or device), then hands their text to
/// the parser the analyzer shares.
/// </summary>
public static class SeverityConfigurationFiles
{
    /// <summary>1 MiB: a configuration file is a few lines.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>
    /// Reads the files a front end found (the targets hand over the SDK's <c>@(EditorConfigFiles)</c>,
    /// <c>@(GlobalAnalyzerConfigFiles)</c> and those above every input, at any depth). A file named
    /// .globalconfig, or one that says <c>is_global = true</c>, is global, as in the compiler.
    /// </summary>
    public static SeverityConfiguration Load(IEnumerable<string> files)
    {
        var read = new List<(string, string)>();
        var unreadable = new List<(string, string)>();
        foreach (var path in files.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            if (Read(path, unreadable) is { } text)
            {
                read.Add((path, text));
            }
        }

        return SeverityConfiguration.Parse(read, unreadable);
    }

    /// <summary>
    /// The .editorconfig and .globalconfig files in every folder above the given files, up to the root
    /// (what the targets hand over for a project; a front end without MSBuild looks them up here).
    /// </summary>
    public static IEnumerable<string> FilesAbove(IEnumerable<string> files)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            for (var dir = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(file)) ?? string.Empty); dir is not null && folders.Add(dir.FullName); dir = dir.Parent)
            {
            }
        }

        return folders
            .SelectMany(f => new[] { Path.Combine(f, ".editorconfig"), Path.Combine(f, ".globalconfig") })
            .Where(File.Exists)
            .ToList();
    }

    /// <summary>The file's text; null when there is none or it cannot be read (recorded).</summary>
    private static string? Read(string path, List<(string, string)> unreadable)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return null;
        }

        if (File.Exists(path) && IO.InputFile.Resolve(path).Length == 0)
        {
            return string.Empty; // an empty file configures nothing; a pipe or device (length 0 too) is never opened
        }

        if (IO.InputFile.ReadBytes(path, MaxFileBytes, out var problem) is { } bytes)
        {
            return System.Text.Encoding.UTF8.GetString(bytes);
        }

        unreadable.Add((path, problem ?? "it cannot be read"));
        return null;
    }
}
