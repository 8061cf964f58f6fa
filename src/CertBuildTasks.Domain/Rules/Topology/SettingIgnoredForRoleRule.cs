using CertBuildTasks.Diagnostics;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Topology;

/// <summary>
/// CBT1116: a pool setting its role does not use (Edge names on a Front End, web FQDNs on an Edge) is
/// silently ignored by the planner; say so, because the author meant something.
/// </summary>
public sealed class SettingIgnoredForRoleRule : TopologyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT1116", "Setting ignored for this role", "'{0}' has no effect on the {1} pool '{2}'",
        DiagnosticCategory.Topology, DiagnosticSeverity.Warning);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(LyncTopology topology, ReportDiagnostic report)
    {
        foreach (var pool in topology.Pools)
        {
            var hasWeb = pool.RoleValue is PoolRole.StandardEdition or PoolRole.FrontEnd or PoolRole.Director;
            if (pool.Edge is not null && pool.RoleValue != PoolRole.Edge)
            {
                report(pool.Edge.Location, "edge", pool.RoleValue, pool.Fqdn.Value);
            }

            if (!hasWeb && pool.InternalWebFqdn is { } internalWeb)
            {
                report(internalWeb.Location, "internalWebFqdn", pool.RoleValue, pool.Fqdn.Value);
            }

            if (!hasWeb && pool.ExternalWebFqdn is { } externalWeb)
            {
                report(externalWeb.Location, "externalWebFqdn", pool.RoleValue, pool.Fqdn.Value);
            }
        }
    }
}
