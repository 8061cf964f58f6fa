using System.Diagnostics;
using System.Globalization;

namespace CertBuildTasks.Bench;

/// <summary>
/// What the targets cost in a real `dotnet build` of the sample, out of process: a no-op incremental
/// build and a full (--no-incremental) build, each against the same project with
/// CertBuildTasksEnabled=false, alternating the two so machine noise hits both alike. The two variants
/// live in separate copies: a build without the targets would otherwise remove the bundle as stale
/// output (IncrementalClean) and the next build with them would not be a no-op.
/// </summary>
public static class BuildBenchmark
{
    public static void Run(TextWriter output, int runs)
    {
        var root = RepoRoot();
        var on = Path.Combine(root, "samples", $".bench-{Environment.ProcessId}-on");
        var off = Path.Combine(root, "samples", $".bench-{Environment.ProcessId}-off");
        CopyDirectory(Path.Combine(root, "samples", "Contoso"), on);
        CopyDirectory(Path.Combine(root, "samples", "Contoso"), off);
        const string Disabled = "-p:CertBuildTasksEnabled=false";
        try
        {
            Dotnet(on, "build", "-nologo", "-v:q"); // restore and the first build
            Dotnet(off, "build", "-nologo", "-v:q", Disabled);

            var noOpOn = new List<double>();
            var noOpOff = new List<double>();
            var fullOn = new List<double>();
            var fullOff = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                noOpOn.Add(Dotnet(on, "build", "-nologo", "-v:q", "--no-restore"));
                noOpOff.Add(Dotnet(off, "build", "-nologo", "-v:q", "--no-restore", Disabled));
            }

            for (var i = 0; i < runs; i++)
            {
                fullOn.Add(Dotnet(on, "build", "-nologo", "-v:q", "--no-restore", "--no-incremental"));
                fullOff.Add(Dotnet(off, "build", "-nologo", "-v:q", "--no-restore", "--no-incremental", Disabled));
            }

            output.WriteLine("## dotnet build of samples/Contoso (out of process, alternating; the reference is the same project with CertBuildTasksEnabled=false)");
            output.WriteLine();
            output.WriteLine("| build | with CertBuildTasks median ms | without median ms | ratio |");
            output.WriteLine("|---|---:|---:|---:|");
            Row(output, "no-op incremental", noOpOn, noOpOff);
            Row(output, "full (--no-incremental)", fullOn, fullOff);
            output.WriteLine();
        }
        finally
        {
            Directory.Delete(on, recursive: true);
            Directory.Delete(off, recursive: true);
        }
    }

    private static void Row(TextWriter output, string name, List<double> on, List<double> off)
    {
        var a = Median(on);
        var b = Median(off);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {a:F0} | {b:F0} | {a / b:F2} |"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static double Dotnet(string project, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        watch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed: {stdout.Result}{stderr.Result}");
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CertBuildTasks.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CertBuildTasks.sln not found above " + AppContext.BaseDirectory);
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
