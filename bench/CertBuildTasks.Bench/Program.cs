using System.Runtime.InteropServices;
using CertBuildTasks.Bench;

// One command prints every figure: dotnet run -c Release --project bench/CertBuildTasks.Bench [-- --runs N]
var runs = args.Length >= 2 && args[0] == "--runs" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 7;
Console.WriteLine("# CertBuildTasks benchmarks");
Console.WriteLine();
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; {runs} measured runs per figure (median).");
Console.WriteLine();
PlanningBenchmark.Run(Console.Out, runs);
XmlImportBenchmark.Run(Console.Out, runs);
IssuedBenchmark.Run(Console.Out, certificates: 10_000, runs: Math.Min(runs, 3));
