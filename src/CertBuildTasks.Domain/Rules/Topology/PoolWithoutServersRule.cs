using CertBuildTasks.Diagnostics;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Topology;

/// <summary>CBT1104: a pool with no member server needs no certificate and is almost always a typo.</summary>
public sealed class PoolWithoutServersRule : TopologyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT1104", "Pool without servers", "The {0} pool '{1}' has no servers; list its member server FQDNs in 'servers'",
        DiagnosticCategory.Topology, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(LyncTopology topology, ReportDiagnostic report)
    {
        foreach (var pool in topology.Pools)
        {
            if (pool.EffectiveServers.IsEmpty)
            {
                report(pool.Fqdn.Location, pool.RoleValue, pool.Fqdn.Value);
            }
        }
    }
}
