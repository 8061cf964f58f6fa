using CertBuildTasks.Diagnostics;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Topology;

/// <summary>CBT1112: Persistent Chat was removed in Skype for Business Server 2019.</summary>
public sealed class PersistentChatOnSfB2019Rule : TopologyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT1112", "Persistent Chat on Skype for Business Server 2019", "The Persistent Chat pool '{0}' cannot exist in Skype for Business Server 2019, which removed Persistent Chat",
        DiagnosticCategory.Topology, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(LyncTopology topology, ReportDiagnostic report)
    {
        if (topology.ProductVersion.Value != ProductVersion.SfB2019)
        {
            return;
        }

        foreach (var pool in topology.Pools.Where(p => p.RoleValue == PoolRole.PersistentChat))
        {
            report(pool.Role.Location, pool.Fqdn.Value);
        }
    }
}
