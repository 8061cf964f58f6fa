using System.Globalization;
using CertBuildTasks.Input;
using CertBuildTasks.Validation;

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
            var analyzer = Measure.Run(() => findings = LiveCompilation.Analyze([(path, "topology", text)]).Length, runs);
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
}
