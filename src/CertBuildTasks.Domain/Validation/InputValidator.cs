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
    public static ValidationResult Validate(InputTextSource source, string topologyPath, string? policyPath, string? overridesPath = null, CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag();
        var topology = TopologyLoader.Load(source, topologyPath, overridesPath, diagnostics);
        var policy = policyPath is null ? PolicyJsonReader.BuiltIn : PolicyLoader.Load(source, policyPath, diagnostics);

        if (topology is not null)
        {
            foreach (var rule in ValidationRules.TopologyRules)
            {
                cancellationToken.ThrowIfCancellationRequested();
                RuleRunner.Run(rule.Descriptor, diagnostics, report => rule.Analyze(topology, report), topology.SourcePath);
            }
        }

        if (topology is not null && policy is not null)
        {
            foreach (var rule in ValidationRules.PolicyRules)
            {
                cancellationToken.ThrowIfCancellationRequested();
                RuleRunner.Run(rule.Descriptor, diagnostics, report => rule.Analyze(policy, topology, report), policy.SourcePath);
            }
        }

        return new ValidationResult(topology, policy, diagnostics.Sorted());
    }
}
