namespace CertBuildTasks.Cli.Commands;

/// <summary>Where a command runs: its streams, its folder, and whether stderr is a terminal (the progress line shows only there).</summary>
internal sealed record CommandContext(TextWriter Out, TextWriter Error, string CurrentDirectory, bool ErrorIsTerminal, CancellationToken CancellationToken)
{
    /// <summary>A path as given on the command line, made absolute against the current folder.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, CurrentDirectory);

    /// <summary>A variable of the environment certbuild runs in (tests pass their own).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}
