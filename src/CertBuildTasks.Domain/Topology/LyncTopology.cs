using System.Collections.Immutable;
using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Topology;

/// <summary>
/// Everything about a Lync/SfB deployment that decides its certificates. Read from the JSON format
/// or from Topology Builder XML; immutable once read.
/// </summary>
public sealed record LyncTopology(
    string SourcePath,
    Located<ProductVersion> ProductVersion,
    ImmutableArray<Located<string>> SipDomains,
    SimpleUrlSet SimpleUrls,
    Located<bool> Mobility,
    Located<bool> Xmpp,
    Located<string>? StrictDnsSignInPool,
    ImmutableArray<Site> Sites,
    ImmutableArray<OfficeWebAppsServer> OfficeWebApps,
    ReverseProxy? ReverseProxy,
    SourceLocation Location)
{
    /// <summary>The default SIP domain is the first one listed.</summary>
    public Located<string>? DefaultSipDomain => SipDomains.IsDefaultOrEmpty ? null : SipDomains[0];

    public IEnumerable<Pool> Pools => Sites.SelectMany(s => s.Pools);

    /// <summary>The simple URLs in force for a site: its own when it has any, else the global ones.</summary>
    public SimpleUrlSet SimpleUrlsFor(Site site) => site.SimpleUrls ?? SimpleUrls;
}
