namespace CertBuildTasks.Cli.Arguments;

/// <summary>
/// Reads a command's arguments against the options it accepts: "--name value" or "--name=value",
/// switches without a value, "--" before positional arguments that start with a dash. Anything else
/// is a <see cref="UsageException"/> naming what was wrong.
/// </summary>
internal static class ArgumentParser
{
    public static ParsedArguments Parse(IReadOnlyList<string> arguments, IReadOnlyList<OptionSpec> accepted, int maxPositional, string command)
    {
        var byName = accepted.ToDictionary(o => o.Name, StringComparer.Ordinal);
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var switches = new HashSet<string>(StringComparer.Ordinal);
        var positional = new List<string>();
        var onlyPositional = false;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (onlyPositional || !argument.StartsWith('-') || argument == "-")
            {
                positional.Add(argument);
                if (positional.Count > maxPositional)
                {
                    throw new UsageException(maxPositional == 0
                        ? $"'{argument}': {command} takes no argument without an option name"
                        : $"'{argument}': {command} takes {maxPositional} argument(s) without an option name");
                }

                continue;
            }

            if (argument == "--")
            {
                onlyPositional = true;
                continue;
            }

            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? argument[..equals] : argument;
            if (!byName.TryGetValue(name, out var option))
            {
                throw new UsageException($"unknown option '{name}' for {command}");
            }

            if (!option.TakesValue)
            {
                if (equals > 0)
                {
                    throw new UsageException($"{name} takes no value");
                }

                switches.Add(name);
                continue;
            }

            string value;
            if (equals > 0)
            {
                value = argument[(equals + 1)..];
            }
            else if (i + 1 < arguments.Count)
            {
                value = arguments[++i];
            }
            else
            {
                throw new UsageException($"{name} needs a value ({option.Value})");
            }

            if (value.Length == 0)
            {
                throw new UsageException($"{name} needs a value ({option.Value}), not an empty one");
            }

            if (!values.TryGetValue(name, out var list))
            {
                values[name] = list = [];
            }
            else if (!option.Repeatable)
            {
                throw new UsageException($"{name} is given twice; it takes one value");
            }

            list.Add(value);
        }

        return new ParsedArguments(values.ToDictionary(v => v.Key, v => (IReadOnlyList<string>)v.Value, StringComparer.Ordinal), switches, positional);
    }
}
