namespace CertBuildTasks.Diagnostics;

/// <summary>
/// The bulk configuration keys that set a rule's severity after its own dotnet_diagnostic key: its
/// category's, then all rules' (learn.microsoft.com, "Configuration options for code analysis").
/// </summary>
public static class SeverityKeys
{
    public const string AllRules = "dotnet_analyzer_diagnostic.severity";

    public static string Category(DiagnosticDescriptor descriptor) => "dotnet_analyzer_diagnostic.category-" + descriptor.Category + ".severity";
}
