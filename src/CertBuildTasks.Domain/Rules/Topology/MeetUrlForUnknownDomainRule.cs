using CertBuildTasks.Diagnostics;
using CertBuildTasks.Naming;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Topology;

/// <summary>CBT1115: a meet URL for a domain that is not a SIP domain is never used; usually a typo in the domain.</summary>
public sealed class MeetUrlForUnknownDomainRule : TopologyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT1115", "Meet URL for a domain that is not a SIP domain", "The meet URL '{0}' is for '{1}', which is not one of the SIP domains",
        DiagnosticCategory.Topology, DiagnosticSeverity.Warning);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(LyncTopology topology, ReportDiagnostic report)
    {
        var domains = topology.SipDomains.Select(d => d.Value).ToHashSet(DnsName.Comparer);
        var sets = topology.Sites.Where(s => s.SimpleUrls is not null).Select(s => s.SimpleUrls!).Prepend(topology.SimpleUrls);
        foreach (var meet in sets.SelectMany(s => s.Meet))
        {
            if (!domains.Contains(meet.Domain.Value))
            {
                report(meet.Domain.Location, Naming.SimpleUrl.Redacted(meet.Url.Value), meet.Domain.Value);
            }
        }
    }
}
