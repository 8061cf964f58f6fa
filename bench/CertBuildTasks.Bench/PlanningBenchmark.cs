using CertBuildTasks.Input;
using System.Globalization;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Generation;
using CertBuildTasks.Planning;
using CertBuildTasks.Validation;
using CertBuildTasks.Bundle;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Bench;

/// <summary>
/// Validate and plan synthetic topologies of 10 to 10,000 servers; prints time, allocations, the cost
/// per server (to judge linear growth against the 10-server row) and whether two plans are byte-identical.
/// </summary>
public static class PlanningBenchmark
{
    public static void Run(TextWriter output, int runs)
    {
        output.WriteLine("## Planning (validate = read + schema + rules; plan = planner + plan rules + plan.json; generate = INF files, scripts, runbooks)");
        output.WriteLine();
        output.WriteLine("| servers | certificates | validate median ms | plan median ms | plan µs/server | ratio to 10-server µs/server | plan allocated MB | generate median ms | generated files | peak working set MB | identical bytes |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        var dir = Path.Combine(Path.GetTempPath(), "cbt-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        double? baseline = null;
        try
        {
            foreach (var servers in new[] { 10, 100, 1_000, 10_000 })
            {
                var path = Path.Combine(dir, $"topology-{servers}.json");
                File.WriteAllText(path, SyntheticTopology.Json(servers));

                ValidationResult? validation = null;
                var validate = Measure.Run(() => validation = InputValidator.Validate(InputFileReader.Files, path, null), runs);
                if (validation!.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
                {
                    throw new InvalidOperationException("synthetic topology is invalid: " + validation.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error));
                }

                CertificatePlan? plan = null;
                byte[]? bytes = null;
                var planning = Measure.Run(
                    () =>
                    {
                        plan = PlanStage.Run(validation.Topology!, validation.Policy!, BenchClock.RequestTime).Plan;
                        bytes = PlanJsonWriter.Write(plan, "bench");
                    },
                    runs);
                var again = PlanJsonWriter.Write(PlanStage.Run(validation.Topology!, validation.Policy!, BenchClock.RequestTime).Plan, "bench");
                var fileCount = 0;
                var generation = Measure.Run(() => fileCount = GenerationStage.Run(plan!, "bench").Files.Count, runs);
                var perServer = planning.MedianMilliseconds * 1000 / servers;
                baseline ??= perServer;
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {servers:N0} | {plan!.Certificates.Length:N0} | {validate.MedianMilliseconds:F1} | {planning.MedianMilliseconds:F1} | {perServer:F1} | {perServer / baseline.Value:F2} | {planning.AllocatedBytes / 1048576.0:F1} | {generation.MedianMilliseconds:F1} | {fileCount:N0} | {generation.PeakWorkingSetBytes / 1048576.0:F0} | {(bytes!.AsSpan().SequenceEqual(again) ? "yes" : "NO")} |"));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        output.WriteLine();
    }
}
