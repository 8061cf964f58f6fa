namespace CertBuildTasks.Diagnostics;

/// <summary>
/// The .editorconfig and .globalconfig files that govern a project, found from its folder upwards.
/// .editorconfig files stop at one marked root = true; nearer files win. Any .editorconfig entry beats
/// any .globalconfig entry, as in Roslyn.
/// </summary>
public sealed class AnalyzerConfigSet
{
    public static readonly AnalyzerConfigSet Empty = new([], []);

    /// <summary>The project folder and five above it, when the files are looked up here rather than handed over.</summary>
    public const int MaxLevels = 6;

    private readonly IReadOnlyList<AnalyzerConfigFile> _editorConfigs; // nearest first
    private readonly IReadOnlyList<AnalyzerConfigFile> _globalConfigs; // nearest first

    public AnalyzerConfigSet(IReadOnlyList<AnalyzerConfigFile> editorConfigsNearestFirst, IReadOnlyList<AnalyzerConfigFile> globalConfigsNearestFirst)
    {
        _editorConfigs = editorConfigsNearestFirst;
        _globalConfigs = globalConfigsNearestFirst;
    }

    public IEnumerable<string> FilePaths => _editorConfigs.Concat(_globalConfigs).Select(f => f.Path);

    /// <summary>Configuration files that exist but cannot be read (a pipe, a device, too large): skipped, and said.</summary>
    public IReadOnlyList<(string Path, string Problem)> Unreadable { get; init; } = [];

    /// <summary>1 MiB: a configuration file is a few lines.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>Looks the files up from the project folder and the folders above it (a front end without a list of its own).</summary>
    public static AnalyzerConfigSet Load(string projectDirectory)
    {
        var candidates = new List<string>();
        var level = 0;
        for (var dir = new DirectoryInfo(projectDirectory); dir is not null && level < MaxLevels; dir = dir.Parent, level++)
        {
            candidates.Add(Path.Combine(dir.FullName, ".editorconfig"));
            candidates.Add(Path.Combine(dir.FullName, ".globalconfig"));
        }

        return Load(candidates);
    }

    /// <summary>
    /// The configuration of the files a front end found (the targets list the project folder and the
    /// folders above it): nearer folders first; .editorconfig files stop at the first root = true.
    /// </summary>
    public static AnalyzerConfigSet Load(IEnumerable<string> files)
    {
        var editor = new List<AnalyzerConfigFile>();
        var global = new List<AnalyzerConfigFile>();
        var unreadable = new List<(string, string)>();
        var editorDone = false;
        var byFolder = files
            .Select(Path.GetFullPath)
            .Distinct(StringComparer.Ordinal)
            .GroupBy(f => Path.GetDirectoryName(f) ?? string.Empty, StringComparer.Ordinal)
            .OrderByDescending(g => g.Key.Length);
        foreach (var folder in byFolder)
        {
            foreach (var path in folder.Where(f => Path.GetFileName(f) == ".editorconfig"))
            {
                if (!editorDone && Read(path, unreadable) is { } editorText)
                {
                    var file = AnalyzerConfigFile.Parse(path, editorText);
                    editor.Add(file);
                    editorDone = file.IsRoot;
                }
            }

            foreach (var path in folder.Where(f => Path.GetFileName(f) == ".globalconfig"))
            {
                if (Read(path, unreadable) is { } globalText)
                {
                    global.Add(AnalyzerConfigFile.Parse(path, globalText));
                }
            }
        }

        return new AnalyzerConfigSet(editor, global) { Unreadable = unreadable };
    }

    /// <summary>The file's text; null when there is none (no file, an empty one) or it cannot be read (recorded).</summary>
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

    /// <summary>The configured severity, or null when no file configures it (or says "default").</summary>
    public DiagnosticSeverity? SeverityFor(string id, string filePath)
    {
        foreach (var file in _editorConfigs)
        {
            if (filePath.Length > 0 && file.TryGetSeverity(id, filePath, out var s))
            {
                return s;
            }
        }

        foreach (var file in _globalConfigs)
        {
            if (file.TryGetSeverity(id, filePath, out var s))
            {
                return s;
            }
        }

        return null;
    }
}
