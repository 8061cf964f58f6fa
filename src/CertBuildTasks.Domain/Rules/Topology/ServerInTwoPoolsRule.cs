using CertBuildTasks.Diagnostics;
using CertBuildTasks.Naming;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Topology;

/// <summary>CBT1103: a server belongs to exactly one pool (Topology Builder enforces it; a hand-written file may not).</summary>
public sealed class ServerInTwoPoolsRule : TopologyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT1103", "Server in two pools", "The server '{0}' is a member of pool '{1}' and of pool '{2}'",
        DiagnosticCategory.Topology, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(LyncTopology topology, ReportDiagnostic report)
    {
        var owner = new Dictionary<string, Pool>(DnsName.Comparer);
        foreach (var pool in topology.Pools)
        {
            foreach (var server in pool.EffectiveServers.DistinctBy(s => s.Value, DnsName.Comparer))
            {
                if (owner.TryGetValue(server.Value, out var first))
                {
                    if (!ReferenceEquals(first, pool))
                    {
                        report(server.Location, server.Value, first.Fqdn.Value, pool.Fqdn.Value);
                    }
                }
                else
                {
                    owner[server.Value] = pool;
                }
            }
        }
    }
}
