using System.Collections.Immutable;
using System.Xml.Linq;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Input;
using N = CertBuildTasks.Topology.Xml.TopologyXmlNames;

namespace CertBuildTasks.Topology.Xml;

/// <summary>
/// A published topology (the &lt;Topology&gt; document of Get-CsTopology -AsXml and Publish-CsTopology):
/// clusters are identified by ClusterId (SiteId, Number), services by ServiceId (SiteId, RoleName,
/// Instance) and InstalledOn/ClusterId (lync-certificates.md §4.3). It carries no simple URLs.
/// </summary>
internal static class PublishedTopologyParser
{
    public static XmlTopologyDocument? Parse(XElement root, XmlLocations xml, DiagnosticBag diagnostics)
    {
        var sites = new List<XmlSite>();
        if (root.Element(N.Topology + "Sites")?.Elements().FirstOrDefault(e => e.Name != N.Topology + "CentralSite") is { } branch)
        {
            TopologyBuilderFileParser.BranchSitesNotRead(branch, xml, diagnostics);
        }

        foreach (var site in root.Element(N.Topology + "Sites")?.Elements(N.Topology + "CentralSite") ?? [])
        {
            var siteKey = site.Attribute("SiteId")?.Value?.Trim() ?? (sites.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            sites.Add(new XmlSite(siteKey, TopologyBuilderFileParser.SiteName(site, siteKey, xml)));
        }

        var clusters = new List<XmlCluster>();
        foreach (var cluster in root.Element(N.Topology + "Clusters")?.Elements(N.Topology + "Cluster") ?? [])
        {
            var fqdn = xml.Attribute(cluster, "Fqdn");
            var id = cluster.Element(N.Topology + "ClusterId");
            if (fqdn is null || id is null)
            {
                diagnostics.Add(InputDiagnostics.XmlStructure, xml.Of(cluster), "A Cluster element has no Fqdn attribute or ClusterId child");
                continue;
            }

            // Machines are direct children in a published document; accept a Machines wrapper too.
            var machineElements = cluster.Elements(N.Topology + "Machine")
                .Concat(cluster.Element(N.Topology + "Machines")?.Elements(N.Topology + "Machine") ?? [])
                .ToList();
            var machines = XmlCommonParts.MachineFqdns(machineElements, xml);
            var single = cluster.Attribute("IsSingleMachineOnly") is { } flag
                ? XmlLocations.IsTrue(cluster, "IsSingleMachineOnly")
                : machineElements.Count == 1 && machines.All(m => Naming.DnsName.Comparer.Equals(m.Value, fqdn.Value));
            clusters.Add(new XmlCluster(ClusterKey(id), id.Attribute("SiteId")?.Value?.Trim() ?? string.Empty, fqdn, single, machines, xml.Of(cluster)));
        }

        var services = new List<XmlService>();
        foreach (var service in root.Element(N.Topology + "Services")?.Elements(N.Topology + "Service") ?? [])
        {
            var roleName = service.Element(N.Topology + "ServiceId")?.Attribute("RoleName")?.Value?.Trim();
            var installedOn = service.Element(N.Topology + "InstalledOn")?.Element(N.Topology + "ClusterId");
            if (roleName is null)
            {
                diagnostics.Add(InputDiagnostics.XmlStructure, xml.Of(service), "A Service element has no ServiceId with a RoleName");
                continue;
            }

            // Stores are installed on SQL instances, not clusters; they need no certificate.
            if (installedOn is null)
            {
                continue;
            }

            services.Add(new XmlService(roleName, ClusterKey(installedOn), XmlCommonParts.ServiceVersion(service, xml), service, xml.Of(service)));
        }

        return new XmlTopologyDocument(
            "published topology",
            XmlCommonParts.SipDomains(root.Element(N.Topology + "InternalDomains"), xml),
            XmlCommonParts.SimpleUrls(root.Element(N.SimpleUrl + "SimpleUrlConfiguration"), xml),
            ImmutableArray.CreateRange(sites),
            ImmutableArray.CreateRange(clusters),
            ImmutableArray.CreateRange(services),
            xml.Of(root));
    }

    private static string ClusterKey(XElement clusterId) =>
        (clusterId.Attribute("SiteId")?.Value?.Trim() ?? string.Empty) + ":" + (clusterId.Attribute("Number")?.Value?.Trim() ?? string.Empty);
}
