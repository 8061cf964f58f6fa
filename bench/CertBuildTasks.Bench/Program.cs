using System.Runtime.InteropServices;
using CertBuildTasks.Bench;

// One command prints every figure: dotnet run -c Release --project bench/CertBuildTasks.Bench [-- --runs N] [--only planning|xml|build|issued|csr]
var runs = 7;
string? only = null;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--runs":
            runs = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--only":
            only = args[i + 1];
            break;
    }
}

bool Selected(string name) => only is null || string.Equals(only, name, StringComparison.OrdinalIgnoreCase);

Console.WriteLine("# CertBuildTasks benchmarks");
Console.WriteLine();
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; {runs} measured runs per figure (median).");
Console.WriteLine();
if (Selected("planning"))
{
    PlanningBenchmark.Run(Console.Out, runs);
}

if (Selected("xml"))
{
    XmlImportBenchmark.Run(Console.Out, runs);
}

if (Selected("build"))
{
    BuildBenchmark.Run(Console.Out, Math.Min(runs, 5));
}

if (Selected("issued"))
{
    IssuedBenchmark.Run(Console.Out, certificates: 10_000, runs: Math.Min(runs, 3));
}

if (Selected("csr"))
{
    CsrBenchmark.Run(Console.Out, certificates: 100, rounds: Math.Min(runs, 4));
}
