using CertBuildTasks.Diagnostics;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Topology;

/// <summary>CBT1111: Skype for Business Server 2019 removed the XMPP gateway; its certificate names would be wrong.</summary>
public sealed class XmppOnSfB2019Rule : TopologyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT1111", "XMPP on Skype for Business Server 2019", "XMPP federation is enabled, but Skype for Business Server 2019 has no XMPP gateway; set 'xmpp' to false",
        DiagnosticCategory.Topology, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(LyncTopology topology, ReportDiagnostic report)
    {
        if (topology.Xmpp.Value && topology.ProductVersion.Value == ProductVersion.SfB2019)
        {
            report(topology.Xmpp.Location);
        }
    }
}
