namespace CertBuildTasks.Diagnostics;

/// <summary>
/// The configuration keys that set a rule's severity, and the compiler's order among them: the rule's
/// own key, then its category's bulk key, then the all-rules bulk key
/// (learn.microsoft.com, "Configuration options for code analysis", severity level).
/// </summary>
public static class SeverityKeys
{
    public const string AllRules = "dotnet_analyzer_diagnostic.severity";

    public static string Specific(DiagnosticDescriptor descriptor) => "dotnet_diagnostic." + descriptor.Id + ".severity";

    public static string Category(DiagnosticDescriptor descriptor) => "dotnet_analyzer_diagnostic.category-" + descriptor.Category + ".severity";

    /// <summary>
    /// The severity a flat key-value view configures (one where a file's section already overrides the
    /// global values, as the compiler merges them for an analyzer); null when none does.
    /// </summary>
    public static DiagnosticSeverity? Lookup(DiagnosticDescriptor descriptor, Func<string, string?> value)
    {
        foreach (var key in new[] { Specific(descriptor), Category(descriptor), AllRules })
        {
            if (value(key) is { } word && SeverityNames.TryParse(word, out var severity) && severity is not null)
            {
                return severity;
            }
        }

        return null;
    }
}
