namespace CertBuildTasks.Diagnostics;

/// <summary>
/// Decides the severity a diagnostic is reported with. Precedence, lowest to highest (docs/severity.md):
/// rule default → the configuration files (<see cref="SeverityConfiguration"/>: the compiler's order) → NoWarn → WarningsAsErrors /
/// TreatWarningsAsErrors (minus WarningsNotAsErrors) → a command line's per-rule levels
/// (<see cref="SeverityOptions.Overrides"/>). Non-configurable diagnostics keep their default.
/// </summary>
/// <param name="projectFile">Diagnostics without a file are configured as if they were in the project file.</param>
public sealed class SeverityResolver(SeverityOptions options, SeverityConfiguration configs, string projectFile = "")
{
    public Diagnostic Resolve(Diagnostic diagnostic)
    {
        var descriptor = diagnostic.Descriptor;
        if (!descriptor.IsConfigurable)
        {
            return diagnostic with { Severity = descriptor.DefaultSeverity };
        }

        var file = diagnostic.Location.IsNone ? projectFile : diagnostic.Location.FilePath;
        var severity = configs.SeverityFor(descriptor, file) ?? descriptor.DefaultSeverity;

        // Like the compiler's /nowarn, NoWarn silences warnings and infos but never an error.
        if (severity != DiagnosticSeverity.Error && options.NoWarn.Contains(descriptor.Id))
        {
            severity = DiagnosticSeverity.Hidden;
        }

        if (severity == DiagnosticSeverity.Warning &&
            (options.WarningsAsErrors.Contains(descriptor.Id) ||
             (options.TreatWarningsAsErrors && !options.WarningsNotAsErrors.Contains(descriptor.Id))))
        {
            severity = DiagnosticSeverity.Error;
        }

        if (options.Overrides.TryGetValue(descriptor.Id, out var given))
        {
            severity = given ?? descriptor.DefaultSeverity;
        }

        return diagnostic with { Severity = severity };
    }

    /// <summary>Resolves every diagnostic and drops the hidden ones.</summary>
    public IReadOnlyList<Diagnostic> ResolveAll(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(Resolve).Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
}
