using CertBuildTasks.Diagnostics;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Topology;

/// <summary>
/// CBT1121: a topology no real deployment comes near, refused before anything is planned, whatever the
/// severity configuration says: a pool of more than 100 servers (Microsoft's largest documented pool
/// holds 16), more than 1,000 SIP domains, or more than 100,000 servers in all. Such input is a mistake
/// or an attack, and planning it would take minutes and gigabytes.
/// </summary>
public sealed class TopologyBeyondLimitsRule : TopologyRule
{
    public const int MaxServersPerPool = 100;
    public const int MaxSipDomains = 1_000;
    public const int MaxServers = 100_000;

    public static readonly DiagnosticDescriptor Rule = new(
        "CBT1121", "Topology beyond what can be planned", "{0} ({1:N0}); the limit is {2:N0}: no Lync or Skype for Business deployment comes near it",
        DiagnosticCategory.Topology, DiagnosticSeverity.Error, IsConfigurable: false);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(LyncTopology topology, ReportDiagnostic report)
    {
        foreach (var pool in topology.Pools.Where(p => p.EffectiveServers.Length > MaxServersPerPool))
        {
            report(pool.Fqdn.Location, $"The pool '{pool.Fqdn.Value}' has too many servers", pool.EffectiveServers.Length, MaxServersPerPool);
        }

        if (topology.SipDomains.Length > MaxSipDomains)
        {
            report(topology.SipDomains[MaxSipDomains].Location, "The topology has too many SIP domains", topology.SipDomains.Length, MaxSipDomains);
        }

        var servers = topology.Pools.Sum(p => p.EffectiveServers.Length);
        if (servers > MaxServers)
        {
            report(topology.Location, "The topology has too many servers", servers, MaxServers);
        }
    }
}
