using CertBuildTasks.Diagnostics;
using CertBuildTasks.Policy;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Policy;

/// <summary>
/// CBT2006: keys that more than one machine must hold are exportable: the Edge external (A/V
/// authentication) key, the OAuthTokenIssuer key replicated by the CMS, the Edge internal key of a
/// multi-server Edge pool and the reverse proxy key (decisions 6–9).
/// </summary>
public sealed class KeyMustBeExportableRule : PolicyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT2006", "Key must be exportable", "The {0} certificate's private key must be exportable: {1}",
        DiagnosticCategory.Policy, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePolicy policy, LyncTopology topology, ReportDiagnostic report)
    {
        Check(policy.For(CertificateKind.EdgeExternal), "the A/V authentication key must be the same on every Edge pool member, and must be exportable even on a single Edge", report);
        Check(policy.For(CertificateKind.OAuthTokenIssuer), "it is a global certificate that the Central Management Store replicates to every Front End", report);
        Check(policy.For(CertificateKind.ReverseProxy), "it is requested away from the proxy or shared by a proxy farm", report);
        var sharedEdge = topology.Pools.FirstOrDefault(p => p.RoleValue == PoolRole.Edge && p.EffectiveServers.Length > 1);
        if (sharedEdge is not null)
        {
            Check(policy.For(CertificateKind.EdgeInternal), $"the Edge pool '{sharedEdge.Fqdn.Value}' has {sharedEdge.EffectiveServers.Length} servers, which all need the one internal certificate", report);
        }
    }

    private static void Check(KindPolicy kind, string why, ReportDiagnostic report)
    {
        if (kind.Exportable is { Value: false } exportable)
        {
            report(exportable.Location, kind.Kind.JsonName(), why);
        }
    }
}
