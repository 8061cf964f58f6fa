using CertBuildTasks.Diagnostics;
using CertBuildTasks.Policy;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Policy;

/// <summary>
/// CBT2009: "certreq -submit" needs "-config host\CA name"; without it certreq opens a CA picker, which
/// a generated script cannot answer.
/// </summary>
public sealed class CertreqWithoutCaConfigRule : PolicyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT2009", "certreq request without a CA config", "The {0} certificate is requested with certreq from the internal CA, but 'certificateAuthorities.internal.config' is not set",
        DiagnosticCategory.Policy, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePolicy policy, LyncTopology topology, ReportDiagnostic report)
    {
        if (policy.InternalCaConfig is not null)
        {
            return;
        }

        foreach (var kind in policy.Kinds.Values.OrderBy(k => k.Kind))
        {
            if (kind.RequestMode.Value == RequestMode.Certreq && kind.Authority.Value == AuthorityKind.Internal)
            {
                report(kind.RequestMode.Location, kind.Kind.JsonName());
            }
        }
    }
}
