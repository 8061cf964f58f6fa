using System.Collections.Immutable;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Naming;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Topology;

/// <summary>
/// CBT1102: every FQDN of the topology must be a name Lync/SfB and certificates accept. Not
/// configurable: every certificate, file name and script is built from these names.
/// </summary>
public sealed class InvalidDnsNameRule : TopologyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT1102", "Invalid DNS name", "'{0}' is not a valid {1}: {2}",
        DiagnosticCategory.Topology, DiagnosticSeverity.Error, IsConfigurable: false);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(LyncTopology topology, ReportDiagnostic report)
    {
        void Check(Located<string>? name, string what)
        {
            if (name is not null && DnsName.Problem(name.Value) is { } problem)
            {
                report(name.Location, name.Value, what, problem);
            }
        }

        foreach (var domain in topology.SipDomains)
        {
            Check(domain, "SIP domain");
        }

        Check(topology.StrictDnsSignInPool, "pool FQDN");
        foreach (var pool in topology.Pools)
        {
            Check(pool.Fqdn, "pool FQDN");
            foreach (var server in pool.Servers.IsDefault ? ImmutableArray<Located<string>>.Empty : pool.Servers)
            {
                Check(server, "server FQDN");
            }

            Check(pool.InternalWebFqdn, "internal web services FQDN");
            Check(pool.ExternalWebFqdn, "external web services FQDN");
            Check(pool.Edge?.AccessEdge, "Access Edge FQDN");
            Check(pool.Edge?.WebConferencing, "Web Conferencing Edge FQDN");
            Check(pool.Edge?.AudioVideo, "A/V Edge FQDN");
        }

        if (topology.ReverseProxy?.Name is { } proxyName && !System.Text.RegularExpressions.Regex.IsMatch(proxyName.Value, @"\A[A-Za-z0-9]([A-Za-z0-9.-]{0,61}[A-Za-z0-9])?\z"))
        {
            report(proxyName.Location, proxyName.Value, "reverse proxy name", "only letters, digits, dots and hyphens (at most 63) are allowed");
        }

        foreach (var owas in topology.OfficeWebApps)
        {
            Check(owas.Fqdn, "Office Web Apps FQDN");
            Check(owas.ExternalFqdn, "Office Web Apps external FQDN");
        }

        var urlSets = topology.Sites.Select(s => s.SimpleUrls).Append(topology.SimpleUrls);
        foreach (var set in urlSets)
        {
            foreach (var meet in set?.Meet ?? ImmutableArray<MeetUrl>.Empty)
            {
                Check(meet.Domain, "SIP domain");
            }
        }
    }
}
