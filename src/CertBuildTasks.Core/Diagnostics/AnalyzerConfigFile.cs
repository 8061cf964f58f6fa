namespace CertBuildTasks.Diagnostics;

/// <summary>
/// One parsed .editorconfig or .globalconfig file: only what severity configuration needs
/// (root/is_global flags and the dotnet_diagnostic.&lt;id&gt;.severity keys of each section).
/// </summary>
public sealed class AnalyzerConfigFile
{
    private const string SeverityPrefix = "dotnet_diagnostic.";
    private const string SeveritySuffix = ".severity";

    private AnalyzerConfigFile(string path, bool isRoot, bool isGlobal, IReadOnlyList<Section> sections)
    {
        Path = path;
        Directory = System.IO.Path.GetDirectoryName(path) ?? string.Empty;
        IsRoot = isRoot;
        IsGlobal = isGlobal;
        Sections = sections;
    }

    public string Path { get; }

    public string Directory { get; }

    public bool IsRoot { get; }

    public bool IsGlobal { get; }

    /// <summary>For a global config the single section has an empty glob and applies to every file.</summary>
    public IReadOnlyList<Section> Sections { get; }

    public sealed record Section(string Glob, IReadOnlyDictionary<string, DiagnosticSeverity?> Severities);

    public static AnalyzerConfigFile Parse(string path, string text)
    {
        var preamble = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var sections = new List<Section>();
        string? glob = null;
        var severities = new Dictionary<string, DiagnosticSeverity?>(StringComparer.OrdinalIgnoreCase);

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                sections.Add(new Section(glob ?? string.Empty, severities));
                glob = line[1..^1];
                severities = new Dictionary<string, DiagnosticSeverity?>(StringComparer.OrdinalIgnoreCase);
                continue;
            }

            var eq = line.IndexOfAny(['=', ':']);
            if (eq <= 0)
            {
                continue;
            }

            var key = line[..eq].Trim();
            var value = StripComment(line[(eq + 1)..]).Trim();
            if (glob is null)
            {
                preamble[key] = value;
            }

            if (key.StartsWith(SeverityPrefix, StringComparison.OrdinalIgnoreCase) &&
                key.EndsWith(SeveritySuffix, StringComparison.OrdinalIgnoreCase) &&
                TryParseSeverity(value, out var severity))
            {
                var id = key[SeverityPrefix.Length..^SeveritySuffix.Length];
                severities[id] = severity;
            }
        }

        sections.Add(new Section(glob ?? string.Empty, severities));
        // As in Roslyn: a file named .globalconfig is global, as is any file that says is_global.
        var isGlobal = System.IO.Path.GetFileName(path).Equals(".globalconfig", StringComparison.OrdinalIgnoreCase) ||
            (preamble.TryGetValue("is_global", out var g) && g.Equals("true", StringComparison.OrdinalIgnoreCase));
        var isRoot = preamble.TryGetValue("root", out var r) && r.Equals("true", StringComparison.OrdinalIgnoreCase);
        return new AnalyzerConfigFile(path, isRoot, isGlobal, sections);
    }

    /// <summary>"error # why" → "error": a comment may follow a value after white space.</summary>
    private static string StripComment(string value)
    {
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] is '#' or ';' && char.IsWhiteSpace(value[i - 1]))
            {
                return value[..i];
            }
        }

        return value;
    }

    /// <summary>null for "default": the rule's own severity applies again.</summary>
    private static bool TryParseSeverity(string value, out DiagnosticSeverity? severity)
    {
        severity = value.ToLowerInvariant() switch
        {
            "none" or "silent" => DiagnosticSeverity.Hidden,
            "suggestion" => DiagnosticSeverity.Info,
            "warning" => DiagnosticSeverity.Warning,
            "error" => DiagnosticSeverity.Error,
            _ => null,
        };
        return severity is not null || value.Equals("default", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The severity this file sets for <paramref name="id"/> on <paramref name="filePath"/>, if any.</summary>
    public bool TryGetSeverity(string id, string filePath, out DiagnosticSeverity? severity)
    {
        severity = null;
        var found = false;
        foreach (var section in Sections)
        {
            if (!section.Severities.TryGetValue(id, out var s))
            {
                continue;
            }

            var applies = IsGlobal ? section.Glob.Length == 0 : section.Glob.Length > 0 && Matches(section.Glob, filePath);
            if (applies)
            {
                severity = s; // later sections win, as in .editorconfig
                found = true;
            }
        }

        return found;
    }

    private bool Matches(string glob, string filePath)
    {
        var relative = System.IO.Path.GetRelativePath(Directory, filePath).Replace('\\', '/');
        if (relative.StartsWith("../", StringComparison.Ordinal))
        {
            return false;
        }

        // EditorConfig: a glob without '/' matches the file name at any depth.
        var pattern = glob.Contains('/') ? glob.TrimStart('/') : "**/" + glob;
        return GlobPattern.IsMatch(pattern, relative);
    }
}
