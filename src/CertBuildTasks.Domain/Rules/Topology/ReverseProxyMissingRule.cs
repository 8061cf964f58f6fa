using CertBuildTasks.Diagnostics;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Topology;

/// <summary>
/// CBT1119: the topology has an Edge pool (so users work from outside) and pools that publish external
/// web services, but no reverse proxy. External web services (meet, dial-in, mobility, the address book,
/// Office Web Apps) reach users only through a reverse proxy, whose public certificate would then not
/// be planned. Topology Builder files never describe the proxy, so it is said once, not guessed.
/// </summary>
public sealed class ReverseProxyMissingRule : TopologyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT1119", "External web services without a reverse proxy",
        "The topology has the Edge pool '{0}' and publishes external web services ({1}), but names no reverse proxy, so no reverse proxy certificate is planned; add \"reverseProxy\" to the topology or to a CertTopologyOverrides file",
        DiagnosticCategory.Topology, DiagnosticSeverity.Warning);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(LyncTopology topology, ReportDiagnostic report)
    {
        if (topology.ReverseProxy is not null || topology.Pools.FirstOrDefault(p => p.RoleValue == PoolRole.Edge) is not { } edge)
        {
            return;
        }

        var published = topology.Pools
            .Where(p => p.RoleValue is PoolRole.FrontEnd or PoolRole.StandardEdition or PoolRole.Director && p.ExternalWebFqdn is not null)
            .ToList();
        if (published.Count > 0)
        {
            var names = string.Join(", ", published.Take(3).Select(p => p.ExternalWebFqdn!.Value)) + (published.Count > 3 ? $" and {published.Count - 3} more" : string.Empty);
            report(published[0].ExternalWebFqdn!.Location, edge.Fqdn.Value, names);
        }
    }
}
