namespace CertBuildTasks.Diagnostics;

/// <summary>The severity words of .editorconfig, as the compiler reads them (case-insensitive).</summary>
internal static class SeverityNames
{
    /// <summary>False for a word the compiler ignores; a null severity for "default" (the rule's own).</summary>
    public static bool TryParse(string value, out DiagnosticSeverity? severity)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "error": severity = DiagnosticSeverity.Error; return true;
            case "warning" or "warn": severity = DiagnosticSeverity.Warning; return true;
            case "suggestion" or "info": severity = DiagnosticSeverity.Info; return true;
            case "silent" or "hidden" or "refactoring" or "none": severity = DiagnosticSeverity.Hidden; return true;
            case "default": severity = null; return true;
            default: severity = null; return false;
        }
    }
}
