using CertBuildTasks.Diagnostics;
using CertBuildTasks.Naming;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Topology;

/// <summary>
/// CBT1107: "each SIP domain must have at least one active meeting simple URL". Checked against the
/// global simple URLs and against every site that has its own (they replace the global ones).
/// </summary>
public sealed class SipDomainWithoutMeetUrlRule : TopologyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT1107", "SIP domain without a meet URL", "The SIP domain '{0}' has no meet simple URL{1}",
        DiagnosticCategory.Topology, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(LyncTopology topology, ReportDiagnostic report)
    {
        var sitesUsingGlobal = topology.Sites.Where(s => s.SimpleUrls is null).ToList();
        if (sitesUsingGlobal.Count > 0 || topology.Sites.IsEmpty)
        {
            Check(topology, topology.SimpleUrls, null, report);
        }

        foreach (var site in topology.Sites.Where(s => s.SimpleUrls is not null))
        {
            Check(topology, site.SimpleUrls!, site, report);
        }
    }

    private static void Check(LyncTopology topology, SimpleUrlSet set, Site? site, ReportDiagnostic report)
    {
        var covered = set.Meet.Select(m => m.Domain.Value).ToHashSet(DnsName.Comparer);
        foreach (var domain in topology.SipDomains)
        {
            if (!covered.Contains(domain.Value))
            {
                var where = site is null ? string.Empty : $" in the simple URLs of site '{site.Name.Value}'";
                report(site is null ? domain.Location : set.Location, domain.Value, where);
            }
        }
    }
}
