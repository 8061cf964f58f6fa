using System.Collections.Immutable;
using System.Xml.Linq;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Input;
using N = CertBuildTasks.Topology.Xml.TopologyXmlNames;

namespace CertBuildTasks.Topology.Xml;

/// <summary>
/// A Topology Builder file: TopologyBuilder/NewTopology/PartialTopology with CentralSites, clusters
/// identified by UniqueId GUIDs and services pointing at them with InstalledOn
/// (lync-certificates.md §4.2). Branch sites (RemoteSites) are not read.
/// </summary>
internal static class TopologyBuilderFileParser
{
    public static XmlTopologyDocument? Parse(XElement root, XmlLocations xml, DiagnosticBag diagnostics)
    {
        var partial = root.Element(N.TopologyBuilder + "NewTopology")?.Element(N.Writable + "PartialTopology");
        if (partial is null)
        {
            diagnostics.Add(InputDiagnostics.XmlStructure, xml.Of(root),
                "The Topology Builder file has no NewTopology/PartialTopology element; open it in Topology Builder and save it again");
            return null;
        }

        var sites = new List<XmlSite>();
        var clusters = new List<XmlCluster>();
        foreach (var site in partial.Element(N.Writable + "CentralSites")?.Elements(N.Writable + "CentralSite") ?? [])
        {
            var siteKey = site.Attribute("SiteId")?.Value ?? (sites.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            sites.Add(new XmlSite(siteKey, SiteName(site, siteKey, xml)));
            if (site.Element(N.Writable + "RemoteSites") is { } remote && remote.HasElements)
            {
                BranchSitesNotRead(remote, xml, diagnostics);
            }

            foreach (var cluster in site.Element(N.Writable + "Clusters")?.Elements(N.Writable + "Cluster") ?? [])
            {
                var fqdn = xml.Attribute(cluster, "Fqdn");
                var id = cluster.Attribute("UniqueId")?.Value;
                if (fqdn is null || id is null)
                {
                    diagnostics.Add(InputDiagnostics.XmlStructure, xml.Of(cluster), "A Cluster element has no Fqdn or UniqueId attribute");
                    continue;
                }

                var machines = cluster.Element(N.Writable + "Machines")?.Elements(N.Writable + "Machine") ?? [];
                clusters.Add(new XmlCluster(
                    id.Trim().ToLowerInvariant(),
                    siteKey,
                    fqdn,
                    XmlLocations.IsTrue(cluster, "IsSingleMachineOnly"),
                    XmlCommonParts.MachineFqdns(machines, xml),
                    xml.Of(cluster)));
            }
        }

        var services = new List<XmlService>();
        foreach (var service in partial.Element(N.Writable + "Services")?.Elements(N.Writable + "Service") ?? [])
        {
            var roleName = service.Attribute("RoleName")?.Value?.Trim();
            var installedOn = service.Attribute("InstalledOn")?.Value?.Trim().ToLowerInvariant();
            if (roleName is null || installedOn is null)
            {
                diagnostics.Add(InputDiagnostics.XmlStructure, xml.Of(service), "A Service element has no RoleName or InstalledOn attribute");
                continue;
            }

            services.Add(new XmlService(roleName, installedOn, XmlCommonParts.ServiceVersion(service, xml), service, xml.Of(service)));
        }

        return new XmlTopologyDocument(
            "Topology Builder file",
            XmlCommonParts.SipDomains(partial.Element(N.Topology + "InternalDomains"), xml),
            XmlCommonParts.SimpleUrls(partial.Element(N.SimpleUrl + "SimpleUrlConfiguration"), xml),
            ImmutableArray.CreateRange(sites),
            ImmutableArray.CreateRange(clusters),
            ImmutableArray.CreateRange(services),
            xml.Of(root));
    }

    /// <summary>Survivable Branch Appliances live in branch sites, whose shape no stored example shows.</summary>
    internal static void BranchSitesNotRead(XElement remote, XmlLocations xml, DiagnosticBag diagnostics) =>
        diagnostics.Add(InputDiagnostics.XmlFactMissing, xml.Of(remote), "branch sites this version can read",
            "their Survivable Branch Appliances get no certificate plan; describe them in the JSON format (role SurvivableBranch)");

    internal static Located<string> SiteName(XElement site, string siteKey, XmlLocations xml) =>
        site.Element(N.Topology + "Name") is { } name && !string.IsNullOrWhiteSpace(name.Value)
            ? new Located<string>(name.Value.Trim(), xml.Of(name))
            : new Located<string>("Site" + siteKey, xml.Of(site));
}
