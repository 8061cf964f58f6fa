using System.Collections.Immutable;
using CertBuildTasks.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CertBuildTasks.Tests.Analyzers;

/// <summary>
/// Runs the analyzer as the compiler does (CompilationWithAnalyzers), over files on disk and the
/// .editorconfig/.globalconfig files among them: per-file options come from the compiler's own
/// AnalyzerConfigSet, and the global configuration's severities become the compilation's options, as
/// csc makes them. What the harness does not do: apply severities to additional-file findings.
/// </summary>
internal static class LiveCompilation
{
    public static IReadOnlyList<Diagnostic> Analyze(IReadOnlyList<(string Path, string Kind)> inputs, IReadOnlyList<string>? configFiles = null)
    {
        var configs = (configFiles ?? []).Select(f => AnalyzerConfig.Parse(File.ReadAllText(f), f)).ToImmutableArray();
        var set = AnalyzerConfigSet.Create(configs);
        var kinds = inputs.ToDictionary(i => i.Path, i => i.Kind, StringComparer.Ordinal);
        var texts = inputs.Select(i => (AdditionalText)new FileText(i.Path)).ToImmutableArray();
        var provider = new Provider(set, kinds);

        var compilation = CSharpCompilation.Create(
            "Live",
            [CSharpSyntaxTree.ParseText("class C { }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
                .WithSpecificDiagnosticOptions(set.GlobalConfigOptions.TreeOptions));
        var options = new AnalyzerOptions(texts, provider);
        var withAnalyzers = compilation.WithAnalyzers([new CertificateInputsAnalyzer()], options);
        return withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult()
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.GetLineSpan().StartLinePosition.Line)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
    }

    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(path));
    }

    private sealed class Provider(AnalyzerConfigSet set, IReadOnlyDictionary<string, string> kinds) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions => new Options(set.GlobalConfigOptions.AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(set.GetOptionsForSourcePath(tree.FilePath).AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        {
            var options = set.GetOptionsForSourcePath(textFile.Path).AnalyzerOptions;
            // What the SDK writes into the generated .editorconfig for CompilerVisibleItemMetadata.
            return new Options(kinds.TryGetValue(textFile.Path, out var kind) ? options.SetItem(LiveInputKey, kind) : options);
        }

        private const string LiveInputKey = "build_metadata.AdditionalFiles.CertKind";
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
