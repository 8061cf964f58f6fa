using System.Collections.Immutable;
using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Topology.Xml;

/// <summary>
/// Facts a Topology Builder or published topology document does not carry (schemas/topology-overrides.schema.json).
/// Every property that is set replaces what the XML says.
/// </summary>
public sealed record TopologyOverrides(
    string SourcePath,
    Located<ProductVersion>? ProductVersion,
    SimpleUrlSet? SimpleUrls,
    Located<bool>? Mobility,
    Located<bool>? Xmpp,
    Located<string>? StrictDnsSignInPool,
    ReverseProxy? ReverseProxy,
    ImmutableArray<PoolOverride> Pools,
    ImmutableArray<OfficeWebAppsServer> OfficeWebApps);

/// <summary>Web FQDNs of one pool, matched to the XML by pool FQDN.</summary>
public sealed record PoolOverride(Located<string> Fqdn, Located<string>? InternalWebFqdn, Located<string>? ExternalWebFqdn, SourceLocation Location);
