using System.Collections.Immutable;
using System.Globalization;
using CertBuildTasks.Analyzers;
using CertBuildTasks.Input;
using CertBuildTasks.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CertBuildTasks.Bench;

/// <summary>
/// The analyzer's time per analysis, which an IDE pays after every edit of the topology: a fresh
/// compilation over the synthetic topology each run (as after a keystroke), against the build's own
/// validate + plan of the same text measured in the same process (the ratio is the analyzer's overhead).
/// </summary>
public static class LiveAnalysisBenchmark
{
    public static void Run(TextWriter output, int runs)
    {
        output.WriteLine("## Live analysis (the analyzer in a C# compilation, Microsoft.CodeAnalysis 4.8, per edit)");
        output.WriteLine();
        output.WriteLine("| servers | findings | analyzer median ms | validate + plan median ms | ratio |");
        output.WriteLine("|---:|---:|---:|---:|---:|");
        foreach (var servers in new[] { 100, 1_000, 10_000 })
        {
            var path = "/bench/topology.json";
            var text = SyntheticTopology.Json(servers);
            var findings = 0;
            var analyzer = Measure.Run(() => findings = Analyze(path, text).Length, runs);
            var texts = new Dictionary<string, string> { [path] = text };
            var domain = Measure.Run(
                () =>
                {
                    var validation = InputValidator.Validate(InputTextSources.Of(texts), path, null);
                    _ = PlanStage.Run(validation.Topology!, validation.Policy!, BenchClock.RequestTime);
                },
                runs);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {servers:N0} | {findings} | {analyzer.MedianMilliseconds:F1} | {domain.MedianMilliseconds:F1} | {analyzer.MedianMilliseconds / domain.MedianMilliseconds:F2} |"));
        }

        output.WriteLine();
    }

    private static ImmutableArray<Diagnostic> Analyze(string path, string text)
    {
        var compilation = CSharpCompilation.Create("Live", [CSharpSyntaxTree.ParseText("class C { }")], [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new AnalyzerOptions([new Text(path, text)], new Provider(path));
        return compilation.WithAnalyzers([new CertificateInputsAnalyzer()], options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }

    private sealed class Text(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>The options the SDK gives the topology: its CertKind.</summary>
    private sealed class Provider(string topology) : AnalyzerConfigOptionsProvider
    {
        private static readonly Options None = new(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GlobalOptions => None;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            textFile.Path == topology ? new Options(ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.CertKind", "topology")) : None;
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
