using System.Diagnostics;

namespace CertBuildTasks.Bench;

/// <summary>Runs a command-line tool the figures compare against (openssl, dotnet) and fails loudly when it fails.</summary>
public static class Tool
{
    /// <summary>Runs <paramref name="fileName"/> to its end; both streams are drained so a chatty tool cannot block on a full pipe.</summary>
    public static void Run(string fileName, string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var list = arguments.ToList();
        foreach (var argument in list)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var output = stderr.Result + stdout.Result;
            throw new InvalidOperationException($"{fileName} {string.Join(' ', list.Take(3))} … failed: {output[..Math.Min(2000, output.Length)]}");
        }
    }
}
