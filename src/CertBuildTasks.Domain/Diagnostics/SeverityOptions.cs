using System.Collections.Immutable;

namespace CertBuildTasks.Diagnostics;

/// <summary>The MSBuild-side severity switches, as the project sets them, and a command line's own.</summary>
public sealed record SeverityOptions(
    IImmutableSet<string> NoWarn,
    IImmutableSet<string> WarningsAsErrors,
    IImmutableSet<string> WarningsNotAsErrors,
    bool TreatWarningsAsErrors)
{
    public static readonly SeverityOptions Default = new(
        ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty, false);

    /// <summary>
    /// A command line's per-rule levels (certbuild --severity ID=level): decided last, over the
    /// configuration files and the switches above; a null level is the rule's default. Empty in a build.
    /// </summary>
    public IImmutableDictionary<string, DiagnosticSeverity?> Overrides { get; init; } = ImmutableDictionary.Create<string, DiagnosticSeverity?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Parses one "ID=level" (the levels of .editorconfig: error, warning, suggestion, silent, none,
    /// default); false with the reason when it is not one.
    /// </summary>
    public static bool TryParseOverride(string text, out string id, out DiagnosticSeverity? severity, out string problem)
    {
        id = string.Empty;
        severity = null;
        problem = string.Empty;
        var equals = text.IndexOf('=');
        if (equals <= 0)
        {
            problem = "expected ID=level, e.g. CBT1116=error";
            return false;
        }

        id = text.Substring(0, equals).Trim();
        if (!SeverityNames.TryParse(text.Substring(equals + 1), out severity))
        {
            problem = $"'{text.Substring(equals + 1).Trim()}' is not a level: error, warning, suggestion, silent, none or default";
            return false;
        }

        return true;
    }

    /// <summary>Parses MSBuild lists such as "CS1591;CBT1101, CBT2002" (separators ; and ,).</summary>
    public static IImmutableSet<string> ParseCodeList(string? value) =>
        (value ?? string.Empty)
            .Split([';', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(code => code.Trim())
            .Where(code => code.Length > 0)
            .ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
}
