using CertBuildTasks.Diagnostics;
using CertBuildTasks.Planning;
using CertBuildTasks.Validation;

namespace CertBuildTasks.Analyzers;

/// <summary>
/// What the build's validate and plan stages would report for the inputs as the IDE holds them, at
/// the severities the project configures: read and validate, then plan when validation let the
/// build go on (no error), as the pipeline does. Computed once per compilation.
/// </summary>
internal static class LiveFindings
{
    public static IReadOnlyList<Diagnostic> Compute(LiveInput input, CancellationToken cancellationToken)
    {
        // NoWarn, WarningsAsErrors and TreatWarningsAsErrors: the compiler applies them to what is reported.
        var configs = SeverityConfiguration.Parse(input.SeverityConfigs.Select(c => (c.Path, c.GetText(cancellationToken)?.ToString() ?? string.Empty)), []);
        var resolver = new SeverityResolver(SeverityOptions.Default, configs);
        var validation = InputValidator.Validate(input.TextSource(cancellationToken), input.Topology.Path, input.Policy?.Path, input.Overrides?.Path, cancellationToken);
        var found = resolver.ResolveAll(validation.Diagnostics).ToList();
        if (validation.Topology is { } topology && validation.Policy is { } policy && found.All(d => d.Severity != DiagnosticSeverity.Error))
        {
            // The build takes the requests' month from CertValidationTime; no plan rule depends on it.
            var (_, planFindings) = PlanStage.Run(topology, policy, DateTimeOffset.UtcNow, cancellationToken);
            found.AddRange(resolver.ResolveAll(planFindings));
        }

        return found;
    }
}
