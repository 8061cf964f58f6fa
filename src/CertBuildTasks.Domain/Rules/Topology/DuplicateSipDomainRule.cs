using CertBuildTasks.Diagnostics;
using CertBuildTasks.Naming;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Topology;

/// <summary>CBT1114: a SIP domain listed twice would put its names into certificates twice.</summary>
public sealed class DuplicateSipDomainRule : TopologyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT1114", "Duplicate SIP domain", "The SIP domain '{0}' is listed more than once",
        DiagnosticCategory.Topology, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(LyncTopology topology, ReportDiagnostic report)
    {
        var seen = new HashSet<string>(DnsName.Comparer);
        foreach (var domain in topology.SipDomains)
        {
            if (!seen.Add(domain.Value))
            {
                report(domain.Location, domain.Value);
            }
        }
    }
}
