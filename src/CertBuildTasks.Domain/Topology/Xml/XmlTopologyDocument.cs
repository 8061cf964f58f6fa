using System.Collections.Immutable;
using System.Xml.Linq;
using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Topology.Xml;

/// <summary>
/// What both XML formats have in common, before roles are decided: sites, clusters with their
/// machines, and services with the cluster they are installed on. The two formats identify clusters
/// differently (a GUID in .tbxml, site + number in a published document); <see cref="XmlCluster.Key"/>
/// hides that.
/// </summary>
internal sealed record XmlTopologyDocument(
    string FormatName,
    ImmutableArray<Located<string>> SipDomains,
    SimpleUrlSet? SimpleUrls,
    ImmutableArray<XmlSite> Sites,
    ImmutableArray<XmlCluster> Clusters,
    ImmutableArray<XmlService> Services,
    SourceLocation Location);

internal sealed record XmlSite(string Key, Located<string> Name);

internal sealed record XmlCluster(
    string Key,
    string SiteKey,
    Located<string> Fqdn,
    bool IsSingleMachine,
    ImmutableArray<Located<string>> Machines,
    SourceLocation Location);

/// <summary>A service (role instance); <see cref="Element"/> keeps the role-specific children (ports, web settings).</summary>
internal sealed record XmlService(string RoleName, string InstalledOn, Located<int>? ServiceVersion, XElement Element, SourceLocation Location);
