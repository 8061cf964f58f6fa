using System.Collections.Immutable;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Naming;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Topology;

/// <summary>
/// CBT1118: every server gets a folder servers/&lt;fqdn&gt;/ in the bundle, which is unpacked on Windows.
/// A valid DNS name can still be a name Windows reserves: "con.contoso.com" is the device CON there,
/// whatever follows the first dot. Not configurable: the bundle could not be unpacked.
/// </summary>
public sealed class ServerNameNotAFileNameRule : TopologyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT1118", "Server name cannot be a Windows folder name", "The server FQDN '{0}' cannot be the bundle folder servers/{0}/: {1}; rename the server (Windows itself cannot have a computer named so)",
        DiagnosticCategory.Topology, DiagnosticSeverity.Error, IsConfigurable: false);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(LyncTopology topology, ReportDiagnostic report)
    {
        foreach (var pool in topology.Pools)
        {
            foreach (var server in pool.Servers.IsDefault ? ImmutableArray<Located<string>>.Empty : pool.Servers)
            {
                // Invalid DNS names are CBT1102's; a valid one can still be a reserved file name.
                if (DnsName.Problem(server.Value) is null && FileNames.Problem(server.Value) is { } problem)
                {
                    report(server.Location, server.Value, problem);
                }
            }
        }
    }
}
