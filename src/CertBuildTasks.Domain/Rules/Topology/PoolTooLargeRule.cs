using CertBuildTasks.Diagnostics;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Topology;

/// <summary>
/// CBT1120: a pool with more servers than Microsoft supports for its role. Documented maxima: a Front
/// End pool holds 12 Front End Servers (Lync Server 2013, Skype for Business Server 2015) or 16
/// (Skype for Business Server 2019); a Persistent Chat pool 8 (4 active and 4 standby); a Survivable
/// Branch Appliance is one server (a Standard Edition pool's one server is CBT1117's). Beyond every
/// role, CBT1121 refuses a pool no real deployment comes near.
/// </summary>
public sealed class PoolTooLargeRule : TopologyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT1120", "Pool larger than Microsoft supports",
        "The {0} pool '{1}' has {2} servers; {3} supports at most {4} in a pool",
        DiagnosticCategory.Topology, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(LyncTopology topology, ReportDiagnostic report)
    {
        var version = topology.ProductVersion.Value;
        foreach (var pool in topology.Pools)
        {
            if (Maximum(pool.RoleValue, version) is { } maximum && pool.EffectiveServers.Length > maximum)
            {
                report(pool.Fqdn.Location, pool.RoleValue, pool.Fqdn.Value, pool.EffectiveServers.Length, Name(version), maximum);
            }
        }
    }

    /// <summary>The documented maximum of servers in one pool of the role, or null where none is documented.</summary>
    public static int? Maximum(PoolRole role, ProductVersion version) => role switch
    {
        PoolRole.FrontEnd => version == ProductVersion.SfB2019 ? 16 : 12,
        PoolRole.PersistentChat => 8,
        PoolRole.SurvivableBranch => 1,
        _ => null,
    };

    private static string Name(ProductVersion version) => version switch
    {
        ProductVersion.Lync2013 => "Lync Server 2013",
        ProductVersion.SfB2015 => "Skype for Business Server 2015",
        _ => "Skype for Business Server 2019",
    };
}
