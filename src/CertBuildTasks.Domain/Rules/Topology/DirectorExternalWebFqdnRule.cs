using CertBuildTasks.Diagnostics;
using CertBuildTasks.Naming;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Topology;

/// <summary>CBT1106: a Director's external web FQDN must differ from every Front End pool's (Microsoft's Director table).</summary>
public sealed class DirectorExternalWebFqdnRule : TopologyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT1106", "Director external web FQDN equals a Front End's", "The Director pool '{0}' uses the external web services FQDN '{1}' of the Front End pool '{2}'; a Director's must be its own",
        DiagnosticCategory.Topology, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(LyncTopology topology, ReportDiagnostic report)
    {
        var frontEnds = topology.Pools
            .Where(p => p.RoleValue is PoolRole.FrontEnd or PoolRole.StandardEdition && p.ExternalWebFqdn is not null)
            .GroupBy(p => p.ExternalWebFqdn!.Value, DnsName.Comparer)
            .ToDictionary(g => g.Key, g => g.First(), DnsName.Comparer);

        foreach (var director in topology.Pools.Where(p => p.RoleValue == PoolRole.Director))
        {
            if (director.ExternalWebFqdn is { } name && frontEnds.TryGetValue(name.Value, out var frontEnd))
            {
                report(name.Location, director.Fqdn.Value, name.Value, frontEnd.Fqdn.Value);
            }
        }
    }
}
