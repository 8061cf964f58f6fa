using System.Diagnostics;

namespace CertBuildTasks.Tests.Infrastructure;

/// <summary>Runs a command-line tool and returns its exit code and all of its output.</summary>
public static class ProcessRunner
{
    public static (int ExitCode, string Output) Run(string fileName, string workingDirectory, IEnumerable<string> arguments, Action<ProcessStartInfo>? configure = null, TimeSpan? timeout = null)
    {
        var (code, output, error) = RunApart(fileName, workingDirectory, arguments, configure, timeout);
        return (code, output + error);
    }

    /// <summary>The same, with stdout and stderr kept apart (what a tool prints where is part of what is tested).</summary>
    public static (int ExitCode, string Out, string Error) RunApart(string fileName, string workingDirectory, IEnumerable<string> arguments, Action<ProcessStartInfo>? configure = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        configure?.Invoke(start);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in time");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
