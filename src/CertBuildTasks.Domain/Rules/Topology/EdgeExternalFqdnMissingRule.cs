using CertBuildTasks.Diagnostics;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Topology;

/// <summary>
/// CBT1110: an Edge pool needs its Access, Web Conferencing and A/V Edge external FQDNs; without the
/// Access Edge FQDN its external certificate has no subject.
/// </summary>
public sealed class EdgeExternalFqdnMissingRule : TopologyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT1110", "Edge pool missing an external FQDN", "The Edge pool '{0}' has no {1}; set it under 'edge'",
        DiagnosticCategory.Topology, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(LyncTopology topology, ReportDiagnostic report)
    {
        foreach (var pool in topology.Pools.Where(p => p.RoleValue == PoolRole.Edge))
        {
            var missing = new List<string>();
            if (pool.Edge?.AccessEdge is null)
            {
                missing.Add("Access Edge FQDN ('accessFqdn')");
            }

            if (pool.Edge?.WebConferencing is null)
            {
                missing.Add("Web Conferencing Edge FQDN ('webConferencingFqdn')");
            }

            if (pool.Edge?.AudioVideo is null)
            {
                missing.Add("A/V Edge FQDN ('audioVideoFqdn')");
            }

            if (missing.Count > 0)
            {
                report(pool.Edge?.Location ?? pool.Fqdn.Location, pool.Fqdn.Value, string.Join(", ", missing));
            }
        }
    }
}
