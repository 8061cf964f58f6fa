using System.Collections.Immutable;
using Compiler = Microsoft.CodeAnalysis;

namespace CertBuildTasks.Diagnostics;

/// <summary>
/// The .editorconfig and .globalconfig files that govern a project, read with the compiler's own
/// parser and merger (Microsoft.CodeAnalysis <c>AnalyzerConfig</c>/<c>AnalyzerConfigSet</c>), so
/// sections, globs, <c>root = true</c>, <c>is_global</c>/<c>global_level</c> and conflicts mean exactly
/// what they mean to <c>dotnet build</c>. The severity lookup follows the compiler's order: the file's
/// <c>dotnet_diagnostic.ID.severity</c> (.editorconfig sections, global sections naming the file),
/// then the global one, then the category's and the all-rules bulk keys (which, as in Roslyn, do not
/// reach rules that cannot be configured).
/// </summary>
public sealed class SeverityConfiguration
{
    public static readonly SeverityConfiguration Empty = new(Array.Empty<string>(), Compiler.AnalyzerConfigSet.Create(ImmutableArray<Compiler.AnalyzerConfig>.Empty), Array.Empty<(string, string)>(), Array.Empty<(string, string)>());

    private const string BulkKey = "dotnet_analyzer_diagnostic.severity";

    private readonly Compiler.AnalyzerConfigSet _set;
    private readonly Dictionary<string, Compiler.AnalyzerConfigOptionsResult> _byFile = new(StringComparer.Ordinal);

    private SeverityConfiguration(IReadOnlyList<string> filePaths, Compiler.AnalyzerConfigSet set, IReadOnlyList<(string Path, string Problem)> unreadable, IReadOnlyList<(string Path, string Problem)> conflicts)
    {
        FilePaths = filePaths;
        _set = set;
        Unreadable = unreadable;
        Conflicts = conflicts;
    }

    /// <summary>The files read, in the order given.</summary>
    public IReadOnlyList<string> FilePaths { get; }

    /// <summary>Configuration files that exist but cannot be read (a pipe, a device, too large): skipped, and said.</summary>
    public IReadOnlyList<(string Path, string Problem)> Unreadable { get; }

    /// <summary>What the compiler's merger refuses (one key set by two global configs of one level, a bad section name): the compiler warns too.</summary>
    public IReadOnlyList<(string Path, string Problem)> Conflicts { get; }

    /// <summary>
    /// Parses the files a front end read, in the order given: the build reads them from disk
    /// (<c>SeverityConfigurationFiles</c>), the analyzer gets their text from the compiler as additional
    /// files, so both apply the same sections and globals. A file named .globalconfig, or one that says
    /// <c>is_global = true</c>, is global, as in the compiler.
    /// </summary>
    /// <param name="unreadable">Files that exist but could not be read, to be said.</param>
    public static SeverityConfiguration Parse(IEnumerable<(string Path, string Text)> files, IReadOnlyList<(string Path, string Problem)> unreadable)
    {
        var paths = new List<string>();
        var configs = ImmutableArray.CreateBuilder<Compiler.AnalyzerConfig>();
        foreach (var (path, text) in files)
        {
            paths.Add(path);
            configs.Add(Compiler.AnalyzerConfig.Parse(text, path));
        }

        var set = Compiler.AnalyzerConfigSet.Create(configs.ToImmutable(), out var problems);
        var conflicts = problems
            .Where(d => d.Severity >= Compiler.DiagnosticSeverity.Warning)
            .Select(d => (d.Location.GetLineSpan().Path is { Length: > 0 } where ? where : paths.FirstOrDefault() ?? string.Empty, $"{d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"))
            .ToList();
        return new SeverityConfiguration(paths, set, unreadable, conflicts);
    }

    /// <summary>The configured severity, or null when nothing configures it (or it says "default").</summary>
    /// <param name="filePath">The file the finding is in (the project file for findings without one).</param>
    public DiagnosticSeverity? SeverityFor(DiagnosticDescriptor descriptor, string filePath)
    {
        var forFile = OptionsFor(filePath);
        var global = _set.GlobalConfigOptions;
        if ((Specific(forFile.TreeOptions, descriptor.Id) ?? Specific(global.TreeOptions, descriptor.Id)) is { } specific)
        {
            return specific;
        }

        var categoryKey = "dotnet_analyzer_diagnostic.category-" + descriptor.Category + ".severity";
        return Bulk(forFile.AnalyzerOptions, categoryKey) ?? Bulk(global.AnalyzerOptions, categoryKey)
            ?? Bulk(forFile.AnalyzerOptions, BulkKey) ?? Bulk(global.AnalyzerOptions, BulkKey);
    }

    private Compiler.AnalyzerConfigOptionsResult OptionsFor(string filePath)
    {
        var key = filePath.Length == 0 ? string.Empty : Path.GetFullPath(filePath);
        lock (_byFile)
        {
            if (!_byFile.TryGetValue(key, out var options))
            {
                options = key.Length == 0 ? _set.GlobalConfigOptions : _set.GetOptionsForSourcePath(key);
                _byFile[key] = options;
            }

            return options;
        }
    }

    private static DiagnosticSeverity? Specific(ImmutableDictionary<string, Compiler.ReportDiagnostic> options, string id) =>
        options.TryGetValue(id, out var report) ? FromReport(report) : null;

    private static DiagnosticSeverity? Bulk(ImmutableDictionary<string, string> options, string key) =>
        options.TryGetValue(key, out var value) && SeverityNames.TryParse(value, out var severity) ? severity : null;

    private static DiagnosticSeverity? FromReport(Compiler.ReportDiagnostic report) => report switch
    {
        Compiler.ReportDiagnostic.Error => DiagnosticSeverity.Error,
        Compiler.ReportDiagnostic.Warn => DiagnosticSeverity.Warning,
        Compiler.ReportDiagnostic.Info => DiagnosticSeverity.Info,
        Compiler.ReportDiagnostic.Hidden or Compiler.ReportDiagnostic.Suppress => DiagnosticSeverity.Hidden,
        _ => null, // Default: the rule's own
    };
}
