using CertBuildTasks.Diagnostics;
using CertBuildTasks.Naming;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Topology;

/// <summary>CBT1108: a simple URL must be an absolute https URL with a host; its host goes into the SANs.</summary>
public sealed class SimpleUrlInvalidRule : TopologyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT1108", "Simple URL is not https or has no host", "The simple URL '{0}' cannot be used: {1}",
        DiagnosticCategory.Topology, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(LyncTopology topology, ReportDiagnostic report)
    {
        var sets = topology.Sites.Where(s => s.SimpleUrls is not null).Select(s => s.SimpleUrls!).Prepend(topology.SimpleUrls);
        foreach (var url in sets.SelectMany(s => s.AllUrls()))
        {
            if (SimpleUrl.Problem(url.Value) is { } problem)
            {
                report(url.Location, SimpleUrl.Redacted(url.Value), problem);
            }
            else if (DnsName.Problem(SimpleUrl.Host(url.Value)!) is { } hostProblem)
            {
                report(url.Location, SimpleUrl.Redacted(url.Value), "its host " + hostProblem);
            }
        }
    }
}
