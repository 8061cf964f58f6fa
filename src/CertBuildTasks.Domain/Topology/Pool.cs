using System.Collections.Immutable;
using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Topology;

/// <summary>
/// A pool (Topology Builder "cluster"). For a Standard Edition server or a Survivable Branch
/// Appliance that lists no servers, the single server is the pool FQDN itself.
/// </summary>
public sealed record Pool(
    Located<string> Fqdn,
    Located<PoolRole> Role,
    ImmutableArray<Located<string>> Servers,
    Located<string>? InternalWebFqdn,
    Located<string>? ExternalWebFqdn,
    EdgeExternalFqdns? Edge,
    string SiteName,
    SourceLocation Location)
{
    public PoolRole RoleValue => Role.Value;

    public bool IsSingleServerRole => Role.Value is PoolRole.StandardEdition or PoolRole.SurvivableBranch;

    /// <summary>The servers that install certificates: the listed ones, or the pool FQDN for single-server roles.</summary>
    public ImmutableArray<Located<string>> EffectiveServers =>
        Servers.IsDefaultOrEmpty && IsSingleServerRole ? ImmutableArray.Create(Fqdn) : Servers.IsDefault ? ImmutableArray<Located<string>>.Empty : Servers;
}
