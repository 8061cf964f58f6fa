namespace CertBuildTasks.Cli.Arguments;

/// <summary>One option a command accepts: its name, the value it takes (null for a switch), and what it does.</summary>
/// <param name="Value">The value's placeholder in the help ("FILE"); null for a switch.</param>
/// <param name="Repeatable">May be given more than once (every value is kept, in order).</param>
internal sealed record OptionSpec(string Name, string? Value, string Description, bool Repeatable = false)
{
    public bool TakesValue => Value is not null;
}
