using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;

namespace CertBuildTasks.Bench;

/// <summary>
/// The real job at estate scale: `dotnet build` of a project whose CertTopology is a synthetic Topology
/// Builder file of 100, 1,000 and 10,000 servers, out of process, against two references measured in
/// the same run — the same project with CertBuildTasksEnabled=false (what the SDK costs without the
/// targets) and the I/O floor (writing the same bundle files and deflating the same zip from memory,
/// which no implementation of the bundle can avoid). The project imports the targets and the Release
/// task assembly the way the NuGet package does (no project reference to build). Peak memory is the
/// largest resident set of the build's processes (GNU time), with node reuse off so the build's own
/// processes are the ones measured.
/// </summary>
public static class EstateBuildBenchmark
{
    private static readonly Dictionary<string, string> Quiet = new() { ["DOTNET_NOLOGO"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["MSBUILDDISABLENODEREUSE"] = "1" };

    public static void Run(TextWriter output, int noOpRuns, int fullRuns, IReadOnlyList<int> sizes)
    {
        var root = BenchPaths.RepoRoot();
        Tool.Run("dotnet", root, ["build", "src/CertBuildTasks/CertBuildTasks.csproj", "-c", "Release", "-nologo", "-v:q"], Quiet);
        var taskAssembly = Path.Combine(root, "src", "CertBuildTasks", "bin", "Release", "net8.0", "CertBuildTasks.dll");
        var work = Path.Combine(Path.GetTempPath(), $"cbt-bench-estate-{Environment.ProcessId}");
        output.WriteLine($"## dotnet build at estate scale (synthetic .tbxml, out of process; {fullRuns} full and {noOpRuns} no-op runs of each, medians)");
        output.WriteLine();
        output.WriteLine("| servers | bundle files | full build ms | targets off ms | added by CertBuildTasks ms | I/O floor ms | added / floor | no-op ms | no-op off ms | no-op ratio | peak MB (full) | peak MB off |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        try
        {
            foreach (var servers in sizes)
            {
                var on = MakeProject(Path.Combine(work, $"on-{servers}"), root, taskAssembly, servers);
                var off = MakeProject(Path.Combine(work, $"off-{servers}"), root, taskAssembly, servers);
                string[] disabled = ["-p:CertBuildTasksEnabled=false"];
                Build(on, [], restore: true); // restore and a first build, so the full runs below start from a restore
                Build(off, disabled, restore: true);

                var fullOn = new List<(double Ms, long PeakKb)>();
                var fullOff = new List<(double Ms, long PeakKb)>();
                for (var i = 0; i < fullRuns; i++)
                {
                    BenchPaths.RemoveBuildOutput(on);
                    fullOn.Add(Build(on, []));
                    BenchPaths.RemoveBuildOutput(off);
                    fullOff.Add(Build(off, disabled));
                }

                var noOpOn = new List<double>();
                var noOpOff = new List<double>();
                for (var i = 0; i < noOpRuns; i++)
                {
                    noOpOn.Add(Build(on, []).Ms);
                    noOpOff.Add(Build(off, disabled).Ms);
                }

                var bundle = Directory.GetDirectories(Path.Combine(on, "bin"), "certbundle", SearchOption.AllDirectories).Single();
                var (fileCount, floor) = IoFloor(bundle, Path.Combine(work, $"floor-{servers}"), fullRuns);
                var full = Measure.Median(fullOn.Select(r => r.Ms));
                var disabledFull = Measure.Median(fullOff.Select(r => r.Ms));
                var added = full - disabledFull;
                var noOp = Measure.Median(noOpOn);
                var noOpDisabled = Measure.Median(noOpOff);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {servers:N0} | {fileCount:N0} | {full:F0} | {disabledFull:F0} | {added:F0} | {floor:F0} | {added / floor:F2} | {noOp:F0} | {noOpDisabled:F0} | {noOp / noOpDisabled:F3} | {fullOn.Max(r => r.PeakKb) / 1024.0:F0} | {fullOff.Max(r => r.PeakKb) / 1024.0:F0} |"));
                output.Flush();
            }

            output.WriteLine();
            output.WriteLine("Targets: added / floor ≤ 2 at 1,000 and 10,000 servers; no-op ratio ≤ 1.05 at 10,000; peak ≤ 1 GB at 10,000.");
            output.WriteLine();
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>A consumer project: the topology, the package's props and targets, the Release task assembly.</summary>
    internal static string MakeProject(string folder, string root, string taskAssembly, int servers)
    {
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(root, "global.json"), Path.Combine(folder, "global.json"));
        File.WriteAllText(Path.Combine(folder, "topology.tbxml"), XmlImportBenchmark.TopologyBuilderFile(servers));
        var build = Path.Combine(root, "src", "CertBuildTasks", "build");
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), $"<Project><Import Project=\"{Path.Combine(build, "CertBuildTasks.props")}\" /></Project>\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Build.targets"), $"<Project><PropertyGroup><CertBuildTasksAssemblyFile>{taskAssembly}</CertBuildTasksAssemblyFile></PropertyGroup><Import Project=\"{Path.Combine(build, "CertBuildTasks.targets")}\" /></Project>\n");
        File.WriteAllText(Path.Combine(folder, "Estate.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <CertValidationTime>1767225600</CertValidationTime>
              </PropertyGroup>
              <ItemGroup>
                <CertTopology Include="topology.tbxml" />
              </ItemGroup>
            </Project>

            """);
        return folder;
    }

    /// <summary>One `dotnet build`, timed, with the peak resident set of its processes when GNU time is there.</summary>
    internal static (double Ms, long PeakKb) Build(string project, string[] extra, bool restore = false) =>
        Timed(project, ["dotnet", "build", "-nologo", "-v:q", .. (restore ? Array.Empty<string>() : ["--no-restore"]), .. extra]);

    /// <summary>One command run in <paramref name="folder"/>, timed, with the peak resident set of its processes when GNU time is there.</summary>
    internal static (double Ms, long PeakKb) Timed(string folder, string[] command)
    {
        var peakFile = Path.Combine(Path.GetTempPath(), $"cbt-bench-peak-{Environment.ProcessId}.txt");
        var gnuTime = File.Exists("/usr/bin/time");
        var watch = Stopwatch.StartNew();
        if (gnuTime)
        {
            Tool.Run("/usr/bin/time", folder, ["-f", "%M", "-o", peakFile, .. command], Quiet);
        }
        else
        {
            Tool.Run(command[0], folder, command[1..], Quiet);
        }

        var ms = watch.Elapsed.TotalMilliseconds;
        var peak = gnuTime ? long.Parse(File.ReadAllText(peakFile).Trim(), CultureInfo.InvariantCulture) : 0;
        return (ms, peak);
    }

    /// <summary>
    /// The floor: the bundle's files, already in memory, written into a new folder and deflated into a
    /// zip (the same compression level as the product), median of <paramref name="runs"/>.
    /// </summary>
    private static (int Files, double Ms) IoFloor(string bundle, string target, int runs)
    {
        var zipPath = Path.Combine(Path.GetDirectoryName(bundle)!, Path.GetFileName(Path.GetDirectoryName(bundle)!) + ".floor.zip");
        var files = Directory.GetFiles(bundle, "*", SearchOption.AllDirectories)
            .Select(f => (Relative: Path.GetRelativePath(bundle, f).Replace('\\', '/'), Bytes: File.ReadAllBytes(f)))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();
        var times = new List<double>();
        for (var i = 0; i < Math.Max(runs, 3); i++)
        {
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            var watch = Stopwatch.StartNew();
            foreach (var (relative, bytes) in files)
            {
                var path = Path.Combine(target, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, bytes);
            }

            using (var stream = new FileStream(zipPath, FileMode.Create))
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                foreach (var (relative, bytes) in files)
                {
                    using var entry = zip.CreateEntry(relative, CompressionLevel.Optimal).Open();
                    entry.Write(bytes);
                }
            }

            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        File.Delete(zipPath);
        Directory.Delete(target, recursive: true);
        return (files.Count, Measure.Median(times));
    }

}
