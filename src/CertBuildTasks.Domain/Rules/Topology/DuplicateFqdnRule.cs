using System.Collections.Immutable;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Naming;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Topology;

/// <summary>CBT1101: a pool FQDN, or a server listed twice, names two things; certificates would collide.</summary>
public sealed class DuplicateFqdnRule : TopologyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT1101", "Duplicate FQDN", "The FQDN '{0}' is used more than once: {1}",
        DiagnosticCategory.Topology, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(LyncTopology topology, ReportDiagnostic report)
    {
        var poolsByFqdn = new Dictionary<string, Pool>(DnsName.Comparer);
        foreach (var pool in topology.Pools)
        {
            if (!poolsByFqdn.TryAdd(pool.Fqdn.Value, pool))
            {
                var first = poolsByFqdn[pool.Fqdn.Value];
                report(pool.Fqdn.Location, pool.Fqdn.Value, $"it is also the FQDN of the {first.RoleValue} pool at line {first.Fqdn.Location.Line}");
            }
        }

        foreach (var pool in topology.Pools)
        {
            var seen = new HashSet<string>(DnsName.Comparer);
            foreach (var server in pool.Servers.IsDefault ? ImmutableArray<Located<string>>.Empty : pool.Servers)
            {
                if (!seen.Add(server.Value))
                {
                    report(server.Location, server.Value, $"it is listed twice in pool '{pool.Fqdn.Value}'");
                }
                else if (!pool.IsSingleServerRole && poolsByFqdn.TryGetValue(server.Value, out var other) && !ReferenceEquals(other, pool))
                {
                    report(server.Location, server.Value, $"it is a server of pool '{pool.Fqdn.Value}' and the FQDN of the {other.RoleValue} pool '{other.Fqdn.Value}'");
                }
            }
        }
    }
}
