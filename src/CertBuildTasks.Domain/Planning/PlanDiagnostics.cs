using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Planning;

/// <summary>What the planner itself reports when a certificate cannot be made from the inputs.</summary>
public static class PlanDiagnostics
{
    public static readonly DiagnosticDescriptor CannotPlan = new(
        "CBT2100", "Certificate cannot be planned", "No {0} certificate can be planned for '{1}': {2}",
        DiagnosticCategory.Plan, DiagnosticSeverity.Error, IsConfigurable: false);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [CannotPlan];
}
