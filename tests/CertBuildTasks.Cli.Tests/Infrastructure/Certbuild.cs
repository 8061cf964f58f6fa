using CertBuildTasks.Cli;
using CertBuildTasks.Cli.Commands;

namespace CertBuildTasks.Cli.Tests.Infrastructure;

/// <summary>certbuild run in process, as its Main runs it, with the streams captured.</summary>
public static class Certbuild
{
    public sealed record Outcome(int ExitCode, string Out, string Error)
    {
        public IReadOnlyList<string> Lines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}--- stderr\n{Error}";
    }

    /// <param name="terminal">Whether stderr is a terminal (the progress line shows only there).</param>
    /// <param name="environment">The variables certbuild sees (none by default: SOURCE_DATE_EPOCH of the test host must not leak in).</param>
    /// <param name="cancellation">As Ctrl+C cancels it (none by default).</param>
    public static Outcome Run(string currentDirectory, string[] arguments, bool terminal = false, IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellation = default)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var context = new CommandContext(output, error, currentDirectory, terminal, cancellation)
        {
            Environment = name => environment?.GetValueOrDefault(name),
        };
        var code = CommandLine.Run(arguments, context);
        return new Outcome(code, output.ToString(), error.ToString());
    }

    public static Outcome Run(string currentDirectory, params string[] arguments) => Run(currentDirectory, arguments, terminal: false);
}
