using CertBuildTasks.Diagnostics;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Rules;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Validation;

/// <summary>The planning stage: plan every certificate, then judge the plan with the CBT21xx rules.</summary>
public static class PlanStage
{
    /// <param name="requestTime">CertValidationTime: the requests' month goes into the friendly names.</param>
    public static (CertificatePlan Plan, IReadOnlyList<Diagnostic> Diagnostics) Run(LyncTopology topology, CertificatePolicy policy, DateTimeOffset requestTime, CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag();
        var plan = CertificatePlanner.Plan(topology, policy, requestTime, diagnostics);
        foreach (var rule in ValidationRules.PlanRules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            RuleRunner.Run(rule.Descriptor, diagnostics, report => rule.Analyze(plan, report), topology.SourcePath);
        }

        return (plan, diagnostics.Sorted());
    }
}
