using CertBuildTasks.Input;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertBuildTasks.Analyzers;

/// <summary>
/// The inputs of one compilation: the AdditionalFiles the package's targets marked with a
/// <c>CertKind</c>: topology, overrides, policy, and the .editorconfig/.globalconfig files the build
/// reads its severities from (severity). Exactly one topology, at most one overrides and policy file,
/// as the build requires; anything else is left to the build, which says so (CBT1004).
/// </summary>
internal sealed class LiveInput
{
    /// <summary>The item metadata the targets set, as the compiler hands it to analyzers.</summary>
    public const string KindKey = "build_metadata.AdditionalFiles.CertKind";

    private readonly Dictionary<string, AdditionalText> _byPath;

    private LiveInput(AdditionalText topology, AdditionalText? overrides, AdditionalText? policy, IReadOnlyList<AdditionalText> severityConfigs)
    {
        Topology = topology;
        Overrides = overrides;
        Policy = policy;
        SeverityConfigs = severityConfigs;
        _byPath = new[] { topology, overrides, policy }
            .OfType<AdditionalText>()
            .ToDictionary(t => t.Path, StringComparer.Ordinal);
    }

    public AdditionalText Topology { get; }

    public AdditionalText? Overrides { get; }

    public AdditionalText? Policy { get; }

    /// <summary>
    /// The compiler keeps dotnet_diagnostic keys from analyzers and applies .editorconfig sections to no
    /// additional-file finding (dotnet/roslyn#31916), so the analyzer reads the same files the build does.
    /// </summary>
    public IReadOnlyList<AdditionalText> SeverityConfigs { get; }

    public AdditionalText? Find(string path) => _byPath.TryGetValue(path, out var text) ? text : null;

    /// <summary>Null when the compilation has no input of ours (or not a set the build would accept).</summary>
    public static LiveInput? From(AnalyzerOptions options)
    {
        var byKind = options.AdditionalFiles
            .Select(file => (File: file, Kind: KindOf(options.AnalyzerConfigOptionsProvider.GetOptions(file))))
            .Where(f => f.Kind is not null)
            .GroupBy(f => f.Kind!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(f => f.File).ToList(), StringComparer.OrdinalIgnoreCase);

        AdditionalText? Single(string kind) => byKind.TryGetValue(kind, out var files) && files.Count == 1 ? files[0] : null;
        bool TooMany(string kind) => byKind.TryGetValue(kind, out var files) && files.Count > 1;

        if (Single("topology") is not { } topology || TooMany("overrides") || TooMany("policy"))
        {
            return null;
        }

        var severity = byKind.TryGetValue("severity", out var configs) ? configs : [];
        return new LiveInput(topology, Single("overrides"), Single("policy"), severity);
    }

    /// <summary>The texts as the IDE holds them now (unsaved edits included); never the file system.</summary>
    public InputTextSource TextSource(CancellationToken cancellationToken) => (path, kind, diagnostics) =>
    {
        if (Find(path)?.GetText(cancellationToken) is not { } text)
        {
            diagnostics.Add(InputDiagnostics.FileUnreadable, Diagnostics.SourceLocation.File(path), kind.DisplayName(), "the compiler could not read it");
            return null;
        }

        return InputTextChecks.Accept(path, kind, text.ToString(), diagnostics);
    };

    private static string? KindOf(AnalyzerConfigOptions options) =>
        options.TryGetValue(KindKey, out var kind) && kind.Trim() is { Length: > 0 } trimmed ? trimmed : null;
}
