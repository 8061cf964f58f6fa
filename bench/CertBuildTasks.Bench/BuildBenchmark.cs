using System.Diagnostics;
using System.Globalization;

namespace CertBuildTasks.Bench;

/// <summary>
/// What the targets cost in a real `dotnet build` of the sample, out of process, against two
/// references: the same project with CertBuildTasksEnabled=false, and an empty project of the same
/// SDK and target framework (outside the repository's samples, so nothing of CertBuildTasks is
/// imported). A no-op build is a second build with nothing changed; a full build starts from no
/// build output (bin/ and obj/Debug removed, the restore kept), as a first build after a clone does —
/// the task project it references is already built, as a NuGet package's task would be. The three
/// variants run in turn so machine noise hits all alike, each in its own copy: a build without the
/// targets in the sample's folder would remove the bundle as stale output (IncrementalClean) and the
/// next build with them would not be a no-op.
/// </summary>
public static class BuildBenchmark
{
    public static void Run(TextWriter output, int noOpRuns, int fullRuns)
    {
        var root = BenchPaths.RepoRoot();
        var on = Path.Combine(root, "samples", $".bench-{Environment.ProcessId}-on");
        var off = Path.Combine(root, "samples", $".bench-{Environment.ProcessId}-off");
        var empty = Path.Combine(Path.GetTempPath(), $"cbt-bench-{Environment.ProcessId}-empty");
        CopyDirectory(Path.Combine(root, "samples", "Contoso"), on);
        CopyDirectory(Path.Combine(root, "samples", "Contoso"), off);
        Directory.CreateDirectory(empty);
        File.Copy(Path.Combine(root, "global.json"), Path.Combine(empty, "global.json"));
        File.WriteAllText(Path.Combine(empty, "Empty.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
        const string Disabled = "-p:CertBuildTasksEnabled=false";
        var variants = new (string Folder, string[] Extra)[] { (on, []), (off, [Disabled]), (empty, []) };
        try
        {
            foreach (var (folder, extra) in variants)
            {
                Dotnet(folder, ["build", "-nologo", "-v:q", .. extra]); // restore and the first build
            }

            var noOp = variants.Select(_ => new List<double>()).ToArray();
            var full = variants.Select(_ => new List<double>()).ToArray();
            for (var i = 0; i < noOpRuns; i++)
            {
                for (var v = 0; v < variants.Length; v++)
                {
                    noOp[v].Add(Dotnet(variants[v].Folder, ["build", "-nologo", "-v:q", "--no-restore", .. variants[v].Extra]));
                }
            }

            for (var i = 0; i < fullRuns; i++)
            {
                for (var v = 0; v < variants.Length; v++)
                {
                    BenchPaths.RemoveBuildOutput(variants[v].Folder);
                    full[v].Add(Dotnet(variants[v].Folder, ["build", "-nologo", "-v:q", "--no-restore", .. variants[v].Extra]));
                }
            }

            output.WriteLine($"## dotnet build of samples/Contoso (out of process, in turn; {noOpRuns} no-op and {fullRuns} full runs of each)");
            output.WriteLine();
            output.WriteLine("| build | with CertBuildTasks median ms | targets disabled median ms | empty project median ms | ratio to disabled | ratio to empty |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|");
            Row(output, "no-op incremental", noOp);
            Row(output, "full (no build output yet)", full);
            output.WriteLine();
        }
        finally
        {
            Directory.Delete(on, recursive: true);
            Directory.Delete(off, recursive: true);
            Directory.Delete(empty, recursive: true);
        }
    }

    private static void Row(TextWriter output, string name, List<double>[] times)
    {
        var (a, b, c) = (Measure.Median(times[0]), Measure.Median(times[1]), Measure.Median(times[2]));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {a:F0} | {b:F0} | {c:F0} | {a / b:F2} | {a / c:F2} |"));
    }


    private static readonly Dictionary<string, string> Quiet = new() { ["DOTNET_NOLOGO"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" };

    private static double Dotnet(string project, string[] arguments)
    {
        var watch = Stopwatch.StartNew();
        Tool.Run("dotnet", project, arguments, Quiet);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
