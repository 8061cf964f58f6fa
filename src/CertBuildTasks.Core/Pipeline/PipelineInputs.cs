using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CertBuildTasks.Deployed;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;

namespace CertBuildTasks.Pipeline;

/// <summary>
/// Everything one build of a project feeds the pipeline: the input files, the clock, the severity
/// configuration, the certificates to gate and those in service, and the key-store settings. A front
/// end (the MSBuild tasks, a command line) fills it from its own parameters and does nothing else.
/// </summary>
public sealed record PipelineInputs
{
    /// <summary>Diagnostics without a file are located here; the project's folder is the base of relative paths.</summary>
    public required string ProjectFile { get; init; }

    public required string ToolVersion { get; init; }

    public ImmutableArray<string> TopologyFiles { get; init; } = [];

    public ImmutableArray<string> PolicyFiles { get; init; } = [];

    public ImmutableArray<string> OverridesFiles { get; init; } = [];

    /// <summary>CertValidationTime as given (Unix seconds or ISO 8601); empty means now.</summary>
    public string? ValidationTime { get; init; }

    public SeverityOptions Severity { get; init; } = SeverityOptions.Default;

    /// <summary>
    /// The .editorconfig and .globalconfig files that may configure severities, as the front end found
    /// them (the targets hand over the SDK's lists and those above every input); null: look them up
    /// above the project and every input, as the targets do.
    /// </summary>
    public ImmutableArray<string>? SeverityConfigFiles { get; init; }

    public ImmutableArray<IssuedStage.Input> Issued { get; init; } = [];

    public ImmutableArray<IssuedStage.RootInput> Roots { get; init; } = [];

    public bool RequireAllIssued { get; init; }

    public ImmutableArray<DeployedStage.Input> Deployed { get; init; } = [];

    /// <summary>CertGenerateCsr and its key store; null when the build generates no keys.</summary>
    public KeySettings? Keys { get; init; }

    /// <summary>Where the rule pages are (absolute): the report links its rules there when they are on the web.</summary>
    public Uri? RulesHelpBase { get; init; }

    public string ProjectDirectory => Path.GetDirectoryName(Path.GetFullPath(ProjectFile)) ?? string.Empty;

    /// <summary>Every input file, in the manifest's order: topology, overrides, policy, issued, roots, deployed.</summary>
    public IEnumerable<string> InputFiles =>
        TopologyFiles.Concat(OverridesFiles).Concat(PolicyFiles)
            .Concat(Issued.Select(i => i.Path)).Concat(Roots.Select(r => r.Path)).Concat(Deployed.Select(d => d.Path));

    /// <summary>The one topology, policy and overrides file, when the items are as many as allowed.</summary>
    internal string? TopologyPath => TopologyFiles.Length == 1 ? TopologyFiles[0] : null;

    internal string? PolicyPath => PolicyFiles.Length == 1 ? PolicyFiles[0] : null;

    internal string? OverridesPath => OverridesFiles.Length == 1 ? OverridesFiles[0] : null;

    /// <summary>The project's severity configuration: the switches and the configuration files the front end found.</summary>
    public SeverityResolver CreateResolver(SeverityConfiguration configuration) => new(Severity, configuration, Path.GetFullPath(ProjectFile));

    /// <summary>The configuration files the front end found, or those above the project and every input.</summary>
    public SeverityConfiguration LoadSeverityConfiguration() =>
        SeverityConfigurationFiles.Load(SeverityConfigFiles is { } files ? files : SeverityConfigurationFiles.FilesAbove([ProjectFile, .. TopologyFiles, .. PolicyFiles, .. OverridesFiles]));

    /// <summary>
    /// A digest of every value above: two tasks of one build that pass the same values share one
    /// pipeline (inputs read and validated once, planned once).
    /// </summary>
    public string Key()
    {
        var text = new StringBuilder();
        void Add(string name, object? value) => text.Append(name).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\n');
        Add("project", Path.GetFullPath(ProjectFile));
        Add("version", ToolVersion);
        foreach (var f in TopologyFiles) Add("topology", f);
        foreach (var f in PolicyFiles) Add("policy", f);
        foreach (var f in OverridesFiles) Add("overrides", f);
        Add("time", ValidationTime);
        Add("nowarn", string.Join(';', Severity.NoWarn.Order(StringComparer.OrdinalIgnoreCase)));
        Add("warnaserror", string.Join(';', Severity.WarningsAsErrors.Order(StringComparer.OrdinalIgnoreCase)));
        Add("warnnotaserror", string.Join(';', Severity.WarningsNotAsErrors.Order(StringComparer.OrdinalIgnoreCase)));
        Add("treatwarningsaserrors", Severity.TreatWarningsAsErrors);
        Add("overrides", string.Join(';', Severity.Overrides.OrderBy(o => o.Key, StringComparer.OrdinalIgnoreCase).Select(o => o.Key + "=" + o.Value)));
        Add("configs", SeverityConfigFiles is { } configs ? string.Join(';', configs) : "(discover)");
        foreach (var i in Issued) Add("issued", i.Path + "|" + i.PlannedId);
        foreach (var r in Roots) Add("root", r.Path + "|" + r.Authority + "|" + r.DeclaredRoot);
        Add("requireall", RequireAllIssued);
        foreach (var d in Deployed) Add("deployed", d.Path + "|" + d.Server + "|" + d.Use + "|" + d.PlannedId);
        Add("help", RulesHelpBase?.AbsoluteUri);
        Add("keys", Keys is null ? "-" : Keys.StorePath + "|" + Keys.PasswordVariable + "|" + string.Join(';', Keys.OutputDirectories));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>CertGenerateCsr's settings: where the keys live, the variable holding their password, and the folders a key store may not be in.</summary>
public sealed record KeySettings(string? StorePath, string? PasswordVariable, ImmutableArray<string> OutputDirectories)
{
    /// <summary>The password, read from the environment when a stage needs it (never stored).</summary>
    public string? Password => string.IsNullOrWhiteSpace(PasswordVariable) ? null : Environment.GetEnvironmentVariable(PasswordVariable);
}
