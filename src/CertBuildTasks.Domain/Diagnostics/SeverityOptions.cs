using System.Collections.Immutable;

namespace CertBuildTasks.Diagnostics;

/// <summary>The MSBuild-side severity switches, as the project sets them.</summary>
public sealed record SeverityOptions(
    IImmutableSet<string> NoWarn,
    IImmutableSet<string> WarningsAsErrors,
    IImmutableSet<string> WarningsNotAsErrors,
    bool TreatWarningsAsErrors)
{
    public static readonly SeverityOptions Default = new(
        ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty, false);

    /// <summary>Parses MSBuild lists such as "CS1591;CBT1101, CBT2002" (separators ; and ,).</summary>
    public static IImmutableSet<string> ParseCodeList(string? value) =>
        (value ?? string.Empty)
            .Split([';', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(code => code.Trim())
            .Where(code => code.Length > 0)
            .ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
}
