using CertBuildTasks.Diagnostics;
using CertBuildTasks.Policy;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Policy;

/// <summary>CBT2002: Lync documents 1024, 2048 and 4096; other sizes above 2048 are untested with Lync's CSPs.</summary>
public sealed class KeySizeUnusualRule : PolicyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT2002", "Key size is not 2048 or 4096", "The key size {0} of {1} is not one Lync/SfB documents; use 2048 or 4096",
        DiagnosticCategory.Policy, DiagnosticSeverity.Warning);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePolicy policy, LyncTopology topology, ReportDiagnostic report)
    {
        if (IsUnusual(policy.KeySize.Value))
        {
            report(policy.KeySize.Location, policy.KeySize.Value, "the policy ('keySize')");
        }

        foreach (var kind in policy.Kinds.Values.Where(k => k.KeySizeIsOwn).OrderBy(k => k.Kind))
        {
            if (IsUnusual(kind.KeySize.Value))
            {
                report(kind.KeySize.Location, kind.KeySize.Value, $"the {kind.Kind.JsonName()} certificates");
            }
        }
    }

    private static bool IsUnusual(int size) => size > KeySizeTooSmallRule.Minimum && size != 4096;
}
