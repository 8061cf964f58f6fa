using CertBuildTasks.Diagnostics;
using CertBuildTasks.Naming;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Topology;

/// <summary>
/// CBT1105: external web services FQDNs must be unique across Front End pools and across Directors
/// (the reverse proxy routes by name). A Director sharing a Front End's name is CBT1106.
/// </summary>
public sealed class ExternalWebFqdnNotUniqueRule : TopologyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT1105", "External web FQDN not unique", "The external web services FQDN '{0}' of pool '{1}' is also used by pool '{2}'",
        DiagnosticCategory.Topology, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(LyncTopology topology, ReportDiagnostic report)
    {
        var first = new Dictionary<string, Pool>(DnsName.Comparer);
        foreach (var pool in topology.Pools)
        {
            if (pool.ExternalWebFqdn is not { } name)
            {
                continue;
            }

            if (!first.TryGetValue(name.Value, out var other))
            {
                first[name.Value] = pool;
            }
            else if (IsDirector(other) == IsDirector(pool))
            {
                report(name.Location, name.Value, pool.Fqdn.Value, other.Fqdn.Value);
            }
        }
    }

    private static bool IsDirector(Pool pool) => pool.RoleValue == PoolRole.Director;
}
