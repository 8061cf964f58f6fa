using CertBuildTasks.Diagnostics;
using CertBuildTasks.Naming;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Topology;

/// <summary>CBT1113: the automatic sign-in pool must be a registrar pool of this topology (Front End, Standard Edition or Director).</summary>
public sealed class StrictDnsSignInPoolUnknownRule : TopologyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT1113", "Unknown automatic sign-in pool", "'strictDnsSignInPool' names '{0}', {1}",
        DiagnosticCategory.Topology, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(LyncTopology topology, ReportDiagnostic report)
    {
        if (topology.StrictDnsSignInPool is not { } name)
        {
            return;
        }

        var pool = topology.Pools.FirstOrDefault(p => DnsName.Comparer.Equals(p.Fqdn.Value, name.Value));
        if (pool is null)
        {
            report(name.Location, name.Value, "which is not a pool of this topology");
        }
        else if (pool.RoleValue is not (PoolRole.FrontEnd or PoolRole.StandardEdition or PoolRole.Director))
        {
            report(name.Location, name.Value, $"whose role is {pool.RoleValue}; clients sign in to a Front End, Standard Edition or Director pool");
        }
    }
}
