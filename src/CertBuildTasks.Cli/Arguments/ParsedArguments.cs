namespace CertBuildTasks.Cli.Arguments;

/// <summary>The options and positional arguments of one command line, as given.</summary>
internal sealed class ParsedArguments(IReadOnlyDictionary<string, IReadOnlyList<string>> values, IReadOnlySet<string> switches, IReadOnlyList<string> positional)
{
    public IReadOnlyList<string> Positional => positional;

    public bool Has(string name) => switches.Contains(name) || values.ContainsKey(name);

    /// <summary>The value of a single-valued option; null when it was not given.</summary>
    public string? Value(string name) => values.TryGetValue(name, out var given) ? given[^1] : null;

    /// <summary>The value of an option the command cannot run without.</summary>
    public string Required(string name) => Value(name) ?? throw new UsageException($"{name} is required");

    /// <summary>Every value of a repeatable option, in the order given.</summary>
    public IReadOnlyList<string> Values(string name) => values.TryGetValue(name, out var given) ? given : [];
}
