using CertBuildTasks.Diagnostics;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Topology;

/// <summary>CBT1109: Topology Builder does not let a Standard Edition server override its internal web FQDN.</summary>
public sealed class InternalWebOverrideOnStandardEditionRule : TopologyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT1109", "Internal web override on Standard Edition", "The Standard Edition server '{0}' cannot override its internal web services FQDN (it is always the server FQDN); remove 'internalWebFqdn'",
        DiagnosticCategory.Topology, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(LyncTopology topology, ReportDiagnostic report)
    {
        foreach (var pool in topology.Pools.Where(p => p.RoleValue == PoolRole.StandardEdition))
        {
            if (pool.InternalWebFqdn is { } fqdn && !string.Equals(fqdn.Value, pool.Fqdn.Value, StringComparison.OrdinalIgnoreCase))
            {
                report(fqdn.Location, pool.Fqdn.Value);
            }
        }
    }
}
