using CertBuildTasks.Diagnostics;
using CertBuildTasks.Policy;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Policy;

/// <summary>CBT2000: every default is reported, never silent (the cert-manager rotationPolicy lesson).</summary>
public sealed class PolicyDefaultsAppliedRule : PolicyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT2000", "Policy defaults applied", "{0} uses built-in defaults: {1}",
        DiagnosticCategory.Policy, DiagnosticSeverity.Info);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePolicy policy, LyncTopology topology, ReportDiagnostic report)
    {
        if (policy.Defaulted.IsEmpty)
        {
            return;
        }

        var what = policy.IsBuiltIn ? "No certificate policy is given (a CertPolicy item, or certbuild --policy), so the plan" : "The certificate policy";
        report(policy.IsBuiltIn ? SourceLocation.None : policy.Location, what, string.Join("; ", policy.Defaulted));
    }
}
