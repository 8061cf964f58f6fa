using System.Collections.Immutable;
using CertBuildTasks.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CertBuildTasks.Bench;

/// <summary>
/// Runs the analyzer as the compiler does (CompilationWithAnalyzers) over texts with their CertKind and
/// over .editorconfig/.globalconfig texts: per-file options come from the compiler's own
/// AnalyzerConfigSet, the global configuration's severities become the compilation's options (as csc
/// makes them), and the configuration files are also additional files of kind "severity" (as the
/// package's targets hand them over). Shared by the benchmark and the tests (linked there).
/// </summary>
public static class LiveCompilation
{
    private const string KindKey = "build_metadata.AdditionalFiles.CertKind";

    /// <param name="properties">MSBuild properties made visible to the compiler (CompilerVisibleProperty), by name.</param>
    public static ImmutableArray<Diagnostic> Analyze(IReadOnlyList<(string Path, string Kind, string Text)> inputs, IReadOnlyList<(string Path, string Text)>? configs = null, IReadOnlyDictionary<string, string>? properties = null)
    {
        configs ??= [];
        var set = AnalyzerConfigSet.Create(configs.Select(c => AnalyzerConfig.Parse(c.Text, c.Path)).ToImmutableArray());
        var files = inputs.Concat(configs.Select(c => (c.Path, Kind: "severity", c.Text))).ToList();
        var kinds = files.Where(f => f.Kind.Length > 0).ToDictionary(f => f.Path, f => f.Kind, StringComparer.Ordinal);
        var texts = files.Select(f => (AdditionalText)new Text(f.Path, f.Text)).ToImmutableArray();

        var compilation = CSharpCompilation.Create(
            "Live",
            [CSharpSyntaxTree.ParseText("class C { }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary).WithSpecificDiagnosticOptions(set.GlobalConfigOptions.TreeOptions));
        var global = set.GlobalConfigOptions.AnalyzerOptions.SetItems((properties ?? new Dictionary<string, string>()).Select(p => new KeyValuePair<string, string>("build_property." + p.Key, p.Value)));
        var options = new AnalyzerOptions(texts, new Provider(set, global, kinds));
        return compilation.WithAnalyzers([new CertificateInputsAnalyzer()], options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    private sealed class Text(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Provider(AnalyzerConfigSet set, ImmutableDictionary<string, string> global, IReadOnlyDictionary<string, string> kinds) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions => new Options(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(set.GetOptionsForSourcePath(tree.FilePath).AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        {
            var options = set.GetOptionsForSourcePath(textFile.Path).AnalyzerOptions;
            // What the SDK writes into its generated .editorconfig for CompilerVisibleItemMetadata.
            return new Options(kinds.TryGetValue(textFile.Path, out var kind) ? options.SetItem(KindKey, kind) : options);
        }
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
