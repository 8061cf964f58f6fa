using CertBuildTasks.Cli.Arguments;

namespace CertBuildTasks.Cli.Commands;

/// <summary>One certbuild command: its name, what it is for, the options it takes, and how it runs.</summary>
internal abstract class Command
{
    public abstract string Name { get; }

    /// <summary>One line, for certbuild --help.</summary>
    public abstract string Summary { get; }

    /// <summary>The usage line after "certbuild NAME".</summary>
    public abstract string Usage { get; }

    public abstract IReadOnlyList<OptionSpec> Options { get; }

    /// <summary>Arguments without an option name (convert's topology).</summary>
    public virtual int MaxPositional => 0;

    public abstract CommandResult Run(CommandContext context, ParsedArguments arguments);
}
