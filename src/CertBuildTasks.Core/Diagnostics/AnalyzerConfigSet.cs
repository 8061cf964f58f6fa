namespace CertBuildTasks.Diagnostics;

/// <summary>
/// The .editorconfig and .globalconfig files that govern a project, found from its folder upwards.
/// .editorconfig files stop at one marked root = true; nearer files win. Any .editorconfig entry beats
/// any .globalconfig entry, as in Roslyn.
/// </summary>
public sealed class AnalyzerConfigSet
{
    public static readonly AnalyzerConfigSet Empty = new([], []);

    /// <summary>The project folder and five above it; the targets list the same folders as Inputs.</summary>
    public const int MaxLevels = 6;

    private readonly IReadOnlyList<AnalyzerConfigFile> _editorConfigs; // nearest first
    private readonly IReadOnlyList<AnalyzerConfigFile> _globalConfigs; // nearest first

    public AnalyzerConfigSet(IReadOnlyList<AnalyzerConfigFile> editorConfigsNearestFirst, IReadOnlyList<AnalyzerConfigFile> globalConfigsNearestFirst)
    {
        _editorConfigs = editorConfigsNearestFirst;
        _globalConfigs = globalConfigsNearestFirst;
    }

    public IEnumerable<string> FilePaths => _editorConfigs.Concat(_globalConfigs).Select(f => f.Path);

    public static AnalyzerConfigSet Load(string projectDirectory)
    {
        var editor = new List<AnalyzerConfigFile>();
        var global = new List<AnalyzerConfigFile>();
        var editorDone = false;
        var level = 0;
        for (var dir = new DirectoryInfo(projectDirectory); dir is not null && level < MaxLevels; dir = dir.Parent, level++)
        {
            var editorPath = Path.Combine(dir.FullName, ".editorconfig");
            if (!editorDone && File.Exists(editorPath))
            {
                var file = AnalyzerConfigFile.Parse(editorPath, File.ReadAllText(editorPath));
                editor.Add(file);
                editorDone = file.IsRoot;
            }

            var globalPath = Path.Combine(dir.FullName, ".globalconfig");
            if (File.Exists(globalPath))
            {
                global.Add(AnalyzerConfigFile.Parse(globalPath, File.ReadAllText(globalPath)));
            }
        }

        return new AnalyzerConfigSet(editor, global);
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
