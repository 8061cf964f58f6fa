namespace CertBuildTasks.Diagnostics;

/// <summary>The MSBuild-side severity switches, as the project sets them.</summary>
public sealed record SeverityOptions(
    IReadOnlySet<string> NoWarn,
    IReadOnlySet<string> WarningsAsErrors,
    IReadOnlySet<string> WarningsNotAsErrors,
    bool TreatWarningsAsErrors)
{
    public static readonly SeverityOptions Default = new(
        new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), false);

    /// <summary>Parses MSBuild lists such as "CS1591;CBT1101, CBT2002" (separators ; and ,).</summary>
    public static IReadOnlySet<string> ParseCodeList(string? value) =>
        (value ?? string.Empty)
            .Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
