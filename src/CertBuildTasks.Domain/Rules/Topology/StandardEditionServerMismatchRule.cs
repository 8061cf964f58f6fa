using CertBuildTasks.Diagnostics;
using CertBuildTasks.Naming;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Topology;

/// <summary>CBT1117: a Standard Edition pool is one server whose FQDN is the pool FQDN.</summary>
public sealed class StandardEditionServerMismatchRule : TopologyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT1117", "Standard Edition pool is not one server named like the pool", "The Standard Edition pool '{0}' {1}",
        DiagnosticCategory.Topology, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(LyncTopology topology, ReportDiagnostic report)
    {
        foreach (var pool in topology.Pools.Where(p => p.RoleValue == PoolRole.StandardEdition && !p.Servers.IsDefaultOrEmpty))
        {
            if (pool.Servers.Length > 1)
            {
                report(pool.Servers[1].Location, pool.Fqdn.Value, $"lists {pool.Servers.Length} servers; a Standard Edition pool has exactly one");
            }
            else if (!DnsName.Comparer.Equals(pool.Servers[0].Value, pool.Fqdn.Value))
            {
                report(pool.Servers[0].Location, pool.Fqdn.Value, $"lists the server '{pool.Servers[0].Value}'; on Standard Edition the server FQDN is the pool FQDN");
            }
        }
    }
}
