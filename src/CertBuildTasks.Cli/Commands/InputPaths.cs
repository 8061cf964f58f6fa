using CertBuildTasks.Cli.Arguments;

namespace CertBuildTasks.Cli.Commands;

/// <summary>
/// The files named on the command line, made absolute and checked to exist before anything runs (a
/// missing one is a usage error, exit code 2), with the item metadata a build gives its items written
/// as 'PATH;Name=Value'.
/// </summary>
internal static class InputPaths
{
    /// <summary>What a folder given to --issued or --roots stands for: the certificate files in it (not below it).</summary>
    public static readonly IReadOnlyList<string> CertificateExtensions = [".cer", ".crt", ".pem", ".der", ".p7b", ".p7c"];

    public static string File(CommandContext context, string option, string path)
    {
        var full = context.FullPath(path);
        if (Directory.Exists(full))
        {
            throw new UsageException($"{option}: '{path}' is a folder; name a file");
        }

        return System.IO.File.Exists(full) ? full : throw new UsageException($"{option}: '{path}' does not exist");
    }

    public static string? OptionalFile(CommandContext context, ParsedArguments arguments, OptionSpec option) =>
        arguments.Value(option.Name) is { } path ? File(context, option.Name, path) : null;

    /// <summary>A file with its metadata, or every certificate file of a folder (sorted, so a run never depends on the file system's order).</summary>
    public static IReadOnlyList<(string Path, IReadOnlyDictionary<string, string> Metadata)> FilesOrFolders(
        CommandContext context, ParsedArguments arguments, OptionSpec option, IReadOnlyList<string> metadataNames)
    {
        var found = new List<(string, IReadOnlyDictionary<string, string>)>();
        foreach (var given in arguments.Values(option.Name))
        {
            var (path, metadata) = Split(given, option, metadataNames);
            var full = context.FullPath(path);
            if (Directory.Exists(full))
            {
                if (metadata.ContainsKey("PlannedId"))
                {
                    throw new UsageException($"{option.Name}: '{given}': PlannedId pairs one file with one planned certificate, not a folder");
                }

                var files = Directory.EnumerateFiles(full)
                    .Where(f => CertificateExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (files.Count == 0)
                {
                    throw new UsageException($"{option.Name}: the folder '{path}' holds no certificate file ({string.Join(", ", CertificateExtensions)})");
                }

                found.AddRange(files.Select(f => (f, metadata)));
            }
            else
            {
                found.Add((File(context, option.Name, path), metadata));
            }
        }

        return found;
    }

    /// <summary>'PATH;Name=Value;…' into the path and its metadata (names as the build's items have them, any case).</summary>
    public static (string Path, IReadOnlyDictionary<string, string> Metadata) Split(string given, OptionSpec option, IReadOnlyList<string> metadataNames)
    {
        var parts = given.Split(';');
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in parts.Skip(1))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? part[..equals].Trim() : part.Trim();
            var known = metadataNames.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            if (equals <= 0 || known is null)
            {
                throw new UsageException(metadataNames.Count == 0
                    ? $"{option.Name}: '{given}': this option takes a path only"
                    : $"{option.Name}: '{part}' is not one of {string.Join(", ", metadataNames.Select(n => n + "=…"))}");
            }

            if (!metadata.TryAdd(known, part[(equals + 1)..].Trim()))
            {
                throw new UsageException($"{option.Name}: '{given}' gives {known} twice");
            }
        }

        return (parts[0], metadata);
    }
}
