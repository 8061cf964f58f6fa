using System.Globalization;

namespace CertBuildTasks.Bench;

/// <summary>
/// certbuild, the pipeline without MSBuild, at estate scale: `certbuild bundle` of a synthetic Topology
/// Builder file of 100, 1,000 and 10,000 servers, out of process as a release pipeline runs it, against
/// a full `dotnet build` of a project with the same topology, clock and rule-page base, measured in the
/// same run; and whether the two wrote the same zip, byte for byte.
/// </summary>
public static class CliBenchmark
{
    private const string HelpBase = "https://example.test/certbuildtasks/docs/rules/";

    public static void Run(TextWriter output, int runs, IReadOnlyList<int> sizes)
    {
        var root = BenchPaths.RepoRoot();
        Tool.Run("dotnet", root, ["build", "src/CertBuildTasks/CertBuildTasks.csproj", "-c", "Release", "-nologo", "-v:q"]);
        Tool.Run("dotnet", root, ["build", "src/CertBuildTasks.Cli/CertBuildTasks.Cli.csproj", "-c", "Release", "-nologo", "-v:q"]);
        var taskAssembly = Path.Combine(root, "src", "CertBuildTasks", "bin", "Release", "net8.0", "CertBuildTasks.dll");
        var certbuild = Path.Combine(root, "src", "CertBuildTasks.Cli", "bin", "Release", "net8.0", "certbuild.dll");
        var work = Path.Combine(Path.GetTempPath(), $"cbt-bench-cli-{Environment.ProcessId}");
        output.WriteLine($"## certbuild bundle against dotnet build (synthetic .tbxml, out of process; {runs} runs of each, medians)");
        output.WriteLine();
        output.WriteLine("| servers | certbuild bundle ms | dotnet build ms | certbuild / build | peak MB certbuild | peak MB build | same zip |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|:---:|");
        try
        {
            foreach (var servers in sizes)
            {
                var project = EstateBuildBenchmark.MakeProject(Path.Combine(work, $"estate-{servers}"), root, taskAssembly, servers);
                string[] build = ["-p:CertRulesHelpBaseUri=" + HelpBase];
                string[] bundle = ["dotnet", certbuild, "bundle", "--topology", "topology.tbxml", "--project", "Estate.csproj", "--at", "1767225600",
                    "--rules-base-uri", HelpBase, "--out", "cli/certbundle", "--quiet"];
                EstateBuildBenchmark.Build(project, build, restore: true);
                EstateBuildBenchmark.Timed(project, bundle); // warm the file cache for both

                var tool = new List<(double Ms, long PeakKb)>();
                var msbuild = new List<(double Ms, long PeakKb)>();
                for (var i = 0; i < Math.Max(runs, 1); i++)
                {
                    BenchPaths.RemoveBuildOutput(project);
                    msbuild.Add(EstateBuildBenchmark.Build(project, build));
                    Directory.Delete(Path.Combine(project, "cli"), recursive: true);
                    tool.Add(EstateBuildBenchmark.Timed(project, bundle));
                }

                var builtZip = Directory.GetFiles(Path.Combine(project, "bin"), "Estate-certificates.zip", SearchOption.AllDirectories).Single();
                var same = File.ReadAllBytes(builtZip).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(project, "cli", "Estate-certificates.zip")));
                var toolMs = Measure.Median(tool.Select(r => r.Ms));
                var buildMs = Measure.Median(msbuild.Select(r => r.Ms));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {servers:N0} | {toolMs:F0} | {buildMs:F0} | {toolMs / buildMs:F2} | {tool.Max(r => r.PeakKb) / 1024.0:F0} | {msbuild.Max(r => r.PeakKb) / 1024.0:F0} | {(same ? "yes" : "NO")} |"));
                output.Flush();
            }

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
}
