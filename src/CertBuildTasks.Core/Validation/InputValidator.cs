using CertBuildTasks.Diagnostics;
using CertBuildTasks.Input;
using CertBuildTasks.Policy;
using CertBuildTasks.Rules;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Validation;

/// <summary>
/// The first stage: read both inputs, check them against their schemas, then run every topology and
/// policy rule. All problems are collected in one pass. Semantic rules only run on schema-valid
/// inputs, because a half-understood document would give misleading findings.
/// </summary>
public static class InputValidator
{
    public static ValidationResult Validate(string topologyPath, string? policyPath, CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag();
        var topology = TopologyLoader.Load(topologyPath, diagnostics);
        var policy = policyPath is null ? PolicyJsonReader.BuiltIn : PolicyLoader.Load(policyPath, diagnostics);

        if (topology is not null)
        {
            foreach (var rule in RuleCatalog.TopologyRules)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Run(rule.Descriptor, diagnostics, report => rule.Analyze(topology, report), topology.SourcePath);
            }
        }

        if (topology is not null && policy is not null)
        {
            foreach (var rule in RuleCatalog.PolicyRules)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Run(rule.Descriptor, diagnostics, report => rule.Analyze(policy, topology, report), policy.SourcePath);
            }
        }

        return new ValidationResult(topology, policy, diagnostics.Sorted());
    }

    /// <summary>A faulty rule becomes one CBT9000 diagnostic; the other rules still run.</summary>
    private static void Run(DiagnosticDescriptor descriptor, DiagnosticBag diagnostics, Action<ReportDiagnostic> analyze, string file)
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
