using System.Collections.Immutable;
using System.Globalization;
using CertBuildTasks.Cli.Arguments;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Pipeline;
using CertBuildTasks.Rules;

namespace CertBuildTasks.Cli.Commands;

/// <summary>
/// The command line as the pipeline's <see cref="PipelineInputs"/>: the same record the MSBuild tasks
/// fill from their parameters, so the same inputs give the same plan, bundle and SARIF.
/// </summary>
/// <param name="StandsForProject">True when --project was given: findings about the project are located there, as in a build.</param>
internal sealed record PipelineRun(PipelineInputs Inputs, string Name, bool StandsForProject)
{
    /// <summary>The rule pages installed beside the tool (docs/rules/ in the tool package).</summary>
    public static string InstalledRulesDirectory => Path.Combine(AppContext.BaseDirectory, "docs", "rules");

    public static PipelineRun From(CommandContext context, ParsedArguments arguments)
    {
        var topology = InputPaths.File(context, Options.Topology.Name, arguments.Required(Options.Topology.Name));
        var overrides = InputPaths.OptionalFile(context, arguments, Options.Overrides);
        var policy = InputPaths.OptionalFile(context, arguments, Options.Policy);
        var (projectFile, name) = Identity(context, arguments, topology);
        var issued = InputPaths.FilesOrFolders(context, arguments, Options.Issued, ["PlannedId"]);
        var roots = InputPaths.FilesOrFolders(context, arguments, Options.Roots, ["Authority", "Role"]);
        var deployed = InputPaths.FilesOrFolders(context, arguments, Options.Deployed, ["Server", "Use", "PlannedId"]);
        string[] anchors = [.. arguments.Has(Options.Project.Name) ? [projectFile] : Array.Empty<string>(), topology, .. Optional(overrides), .. Optional(policy)];
        var inputs = new PipelineInputs
        {
            ProjectFile = projectFile,
            ToolVersion = ToolVersion.Current,
            TopologyFiles = [topology],
            OverridesFiles = [.. Optional(overrides)],
            PolicyFiles = [.. Optional(policy)],
            ValidationTime = Time(context, arguments),
            Severity = SeverityOptions.Default with { Overrides = Severities(arguments) },
            SeverityConfigFiles = SeverityConfigFiles(context, arguments, anchors),
            RulesHelpBase = HelpBase(arguments),
            Issued = [.. issued.Select(i => new IssuedStage.Input(i.Path, i.Metadata.GetValueOrDefault("PlannedId")))],
            Roots = [.. roots.Select(Root)],
            RequireAllIssued = arguments.Has(Options.RequireAll.Name),
            Deployed = [.. deployed.Select(d => new DeployedStage.Input(d.Path, d.Metadata.GetValueOrDefault("Server"), d.Metadata.GetValueOrDefault("Use"), d.Metadata.GetValueOrDefault("PlannedId")))],
            Keys = arguments.Has(Options.GenerateCsr.Name)
                ? new KeySettings(arguments.Value(Options.KeyStore.Name) is { } store ? context.FullPath(store) : null, arguments.Value(Options.KeyPasswordVariable.Name), OutputFolders(context, arguments))
                : null,
        };
        return new PipelineRun(inputs, name, arguments.Has(Options.Project.Name));
    }

    /// <summary>The help links' base: --rules-base-uri, else the pages installed with the tool.</summary>
    public static Uri? HelpBase(ParsedArguments arguments)
    {
        if (arguments.Value(Options.RulesBaseUri.Name) is { } given)
        {
            return Uri.TryCreate(given, UriKind.Absolute, out _)
                ? RuleHelpLocation.Resolve(given, null)
                : throw new UsageException($"{Options.RulesBaseUri.Name}: '{given}' is not an absolute URI (e.g. https://github.com/you/fork/blob/main/docs/rules/)");
        }

        return RuleHelpLocation.Resolve(null, Directory.Exists(InstalledRulesDirectory) ? InstalledRulesDirectory : null);
    }

    /// <summary>
    /// The .editorconfig and .globalconfig files a build would find for these inputs (in every folder
    /// above them), then those of --config: what the command line hands the pipeline, as the targets
    /// hand over theirs.
    /// </summary>
    public static ImmutableArray<string> SeverityConfigFiles(CommandContext context, ParsedArguments arguments, IEnumerable<string> anchors) =>
        [.. SeverityConfigurationFiles.FilesAbove(anchors), .. arguments.Values(Options.Config.Name).Select(c => InputPaths.File(context, Options.Config.Name, c))];

    /// <summary>--severity ID=level, every ID a rule of this version (a typo would otherwise change nothing, silently).</summary>
    public static IImmutableDictionary<string, DiagnosticSeverity?> Severities(ParsedArguments arguments)
    {
        var levels = ImmutableDictionary.CreateBuilder<string, DiagnosticSeverity?>(StringComparer.OrdinalIgnoreCase);
        foreach (var given in arguments.Values(Options.Severity.Name))
        {
            if (!SeverityOptions.TryParseOverride(given, out var id, out var severity, out var problem))
            {
                throw new UsageException($"{Options.Severity.Name} '{given}': {problem}");
            }

            var rule = RuleCatalog.Find(id.ToUpperInvariant()) ?? throw new UsageException($"{Options.Severity.Name} '{given}': {id} is not a CertBuildTasks rule (docs/rules/)");
            if (!rule.IsConfigurable)
            {
                throw new UsageException($"{Options.Severity.Name} '{given}': {rule.Id} cannot be configured (nothing after it could be trusted)");
            }

            levels[rule.Id] = severity;
        }

        return levels.ToImmutable();
    }

    /// <summary>
    /// The project this run stands for (never read): --project, or one named after the topology's folder
    /// in the current folder, so a run from the project's folder reads as its build does.
    /// </summary>
    private static (string ProjectFile, string Name) Identity(CommandContext context, ParsedArguments arguments, string topology)
    {
        if (arguments.Value(Options.Project.Name) is { } project)
        {
            if (arguments.Has(Options.Name.Name))
            {
                throw new UsageException($"{Options.Name.Name} and {Options.Project.Name} both name the run; give one");
            }

            var full = context.FullPath(project);
            return (full, Path.GetFileNameWithoutExtension(full));
        }

        var name = arguments.Value(Options.Name.Name) ?? Path.GetFileName(Path.GetDirectoryName(topology)) ?? string.Empty;
        if (name.Length == 0)
        {
            name = "certbuild";
        }

        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains('\\', StringComparison.Ordinal) || name is "." or "..")
        {
            throw new UsageException($"{Options.Name.Name}: '{name}' cannot name a file (<NAME>-certificates.zip)");
        }

        return (Path.Combine(context.CurrentDirectory, name + ".certbuild"), name);
    }

    /// <summary>--at, else SOURCE_DATE_EPOCH, else this instant to the second (as the build's targets pass it): one instant for every stage.</summary>
    private static string Time(CommandContext context, ParsedArguments arguments)
    {
        var (given, from) = arguments.Value(Options.At.Name) is { } at ? (at, Options.At.Name) : (context.Environment("SOURCE_DATE_EPOCH"), "SOURCE_DATE_EPOCH");
        if (string.IsNullOrWhiteSpace(given))
        {
            return DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        }

        return ValidationTime.TryParse(given, DateTimeOffset.UtcNow, out _)
            ? given
            : throw new UsageException($"{from}: '{given}' is not a time: Unix seconds or ISO 8601 (2026-12-03T09:00:00Z)");
    }

    private static IssuedStage.RootInput Root((string Path, IReadOnlyDictionary<string, string> Metadata) root)
    {
        var authority = root.Metadata.GetValueOrDefault("Authority");
        var role = root.Metadata.GetValueOrDefault("Role");
        var parsedAuthority = IssuedStage.RootInput.ParseAuthority(authority);
        var parsedRole = IssuedStage.RootInput.ParseRole(role);
        if (authority is not null && parsedAuthority is null)
        {
            throw new UsageException($"{Options.Roots.Name}: Authority={authority}: internal or public");
        }

        if (role is not null && parsedRole is null)
        {
            throw new UsageException($"{Options.Roots.Name}: Role={role}: Root or Intermediate");
        }

        return new IssuedStage.RootInput(root.Path, parsedAuthority, parsedRole);
    }

    /// <summary>Where a key store may not be: the bundle, its zip's folder (as the build refuses bin/ and obj/).</summary>
    private static ImmutableArray<string> OutputFolders(CommandContext context, ParsedArguments arguments) =>
        [.. new[] { arguments.Value(Options.BundleOut.Name), arguments.Value(Options.Zip.Name) is { } zip ? Path.GetDirectoryName(context.FullPath(zip)) : null }
            .OfType<string>().Select(context.FullPath)];

    private static IEnumerable<string> Optional(string? path) => path is null ? [] : [path];
}
