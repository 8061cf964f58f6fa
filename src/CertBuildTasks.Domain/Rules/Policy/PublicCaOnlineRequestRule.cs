using CertBuildTasks.Diagnostics;
using CertBuildTasks.Policy;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Policy;

/// <summary>CBT2007: a public CA takes no online enterprise request; its certificates are requested offline.</summary>
public sealed class PublicCaOnlineRequestRule : PolicyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT2007", "Public CA certificate requested online", "The {0} certificate comes from a public CA, which takes no '{1}' request; use requestMode 'offline'",
        DiagnosticCategory.Policy, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePolicy policy, LyncTopology topology, ReportDiagnostic report)
    {
        foreach (var kind in policy.Kinds.Values.OrderBy(k => k.Kind))
        {
            if (kind.Authority.Value == AuthorityKind.Public && kind.RequestMode.Value != RequestMode.Offline)
            {
                report(kind.RequestMode.Location, kind.Kind.JsonName(), kind.RequestMode.Value.ToString().ToLowerInvariant());
            }
        }
    }
}
