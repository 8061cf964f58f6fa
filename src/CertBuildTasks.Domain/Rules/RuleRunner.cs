using CertBuildTasks.Diagnostics;
using CertBuildTasks.Rules;

namespace CertBuildTasks.Rules;

/// <summary>Runs one rule so that a fault in it becomes a CBT9000 diagnostic and the other rules still run.</summary>
internal static class RuleRunner
{
    public static void Run(DiagnosticDescriptor descriptor, DiagnosticBag diagnostics, Action<ReportDiagnostic> analyze, string file)
    {
        try
        {
            analyze((location, arguments) => diagnostics.Add(descriptor, location, arguments));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            diagnostics.Add(InternalDiagnostics.UnexpectedFailure, SourceLocation.File(file), "rule " + descriptor.Id, ex.GetType().Name + ": " + ex.Message);
        }
    }
}
