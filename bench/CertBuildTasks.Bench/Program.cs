using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using CertBuildTasks.Bench;

// One command prints every figure: dotnet run -c Release --project bench/CertBuildTasks.Bench [-- --runs N] [--only planning|xml|build|estate|issued|csr|live|cli] [--sizes 100,1000,10000]
var runs = 7;
string? only = null;
int[] sizes = [100, 1_000, 10_000];
for (var i = 0; i + 1 < args.Length; i++)
{
    switch (args[i])
    {
        case "--runs":
            runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--only":
            only = args[++i];
            break;
        case "--sizes":
            sizes = [.. args[++i].Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))];
            break;
    }
}

var parts = new (string Name, Action Run)[]
{
    ("planning", () => PlanningBenchmark.Run(Console.Out, runs)),
    ("xml", () => XmlImportBenchmark.Run(Console.Out, runs)),
    ("build", () => BuildBenchmark.Run(Console.Out, noOpRuns: Math.Max(runs, 9), fullRuns: Math.Min(runs, 3))),
    ("estate", () => EstateBuildBenchmark.Run(Console.Out, noOpRuns: Math.Max(runs, 5), fullRuns: Math.Min(runs, 3), sizes)),
    ("issued", () => IssuedBenchmark.Run(Console.Out, certificates: 10_000, runs: Math.Min(runs, 3))),
    ("csr", () => CsrBenchmark.Run(Console.Out, certificates: 100, rounds: Math.Min(runs, 3))),
    ("live", () => LiveAnalysisBenchmark.Run(Console.Out, runs)),
    ("cli", () => CliBenchmark.Run(Console.Out, Math.Min(runs, 3), sizes)),
};

const string ChildVariable = "CERTBUILDTASKS_BENCH_PART";
if (only is null && Environment.GetEnvironmentVariable(ChildVariable) is { Length: > 0 } inherited)
{
    only = inherited; // a part process never starts parts of its own
}

if (only is not null)
{
    var part = parts.FirstOrDefault(p => string.Equals(p.Name, only, StringComparison.OrdinalIgnoreCase));
    if (part.Run is null)
    {
        Console.Error.WriteLine($"unknown part '{only}'; the parts are {string.Join(", ", parts.Select(p => p.Name))}");
        return 2;
    }

    part.Run();
    return 0;
}

Console.WriteLine("# CertBuildTasks benchmarks");
Console.WriteLine();
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; {runs} measured runs per figure (median).");
Console.WriteLine();

// Each part runs in a process of its own: the 10,000-server plans of one part (about 1 GB) would
// otherwise still shape the heap, the GC and the caches of the next part's figures.
var total = Stopwatch.StartNew();
foreach (var (name, _) in parts)
{
    var host = Environment.ProcessPath!;
    var start = new ProcessStartInfo(host) { UseShellExecute = false };
    start.Environment[ChildVariable] = name;
    if (Path.GetFileName(host).StartsWith("dotnet", StringComparison.OrdinalIgnoreCase))
    {
        start.ArgumentList.Add(typeof(PlanningBenchmark).Assembly.Location); // started as `dotnet CertBuildTasks.Bench.dll`
    }

    foreach (var argument in new[] { "--runs", runs.ToString(CultureInfo.InvariantCulture), "--only", name })
    {
        start.ArgumentList.Add(argument);
    }

    var watch = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        Console.Error.WriteLine($"the {name} benchmark failed (exit code {process.ExitCode})");
        return 1;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"({name}: {watch.Elapsed.TotalSeconds:F0} s)"));
    Console.WriteLine();
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"All benchmarks: {total.Elapsed.TotalMinutes:F1} min."));
return 0;
