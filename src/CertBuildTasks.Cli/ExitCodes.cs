namespace CertBuildTasks.Cli;

/// <summary>certbuild's exit codes (docs/cli.md): what a release pipeline acts on.</summary>
internal static class ExitCodes
{
    /// <summary>No error: the inputs are clean, or have warnings and messages only.</summary>
    public const int Clean = 0;

    /// <summary>At least one error (after the severity configuration): the gate says no.</summary>
    public const int Errors = 1;

    /// <summary>certbuild could not do its job: a bad command line, a file named on it that is not there, an output it could not write, an internal failure (CBT9000), or Ctrl+C.</summary>
    public const int CouldNotRun = 2;
}
