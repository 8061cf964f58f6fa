using System.Collections.Immutable;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Input;
using CertBuildTasks.Naming;
using N = CertBuildTasks.Topology.Xml.TopologyXmlNames;

namespace CertBuildTasks.Topology.Xml;

/// <summary>
/// Decides each cluster's role from the services installed on it and builds the same model the JSON
/// format gives (lync-certificates.md §4.2 "Roles"): a Registrar with IsDirector → Director;
/// UserServices/Registrar → Front End or, on a single-machine cluster, Standard Edition; EdgeServer →
/// Edge; MediationServer alone → Mediation (collocated on a Front End it adds nothing); WacService →
/// Office Web Apps; clusters with only stores or file shares need no Lync certificate.
/// </summary>
internal static class XmlTopologyMapper
{
    private static readonly string[] PersistentChatRoleNames = ["PersistentChatServer", "PersistentChat"];

    /// <summary>Roles that need no Lync server certificate of their own (stores, shares, collocated services).</summary>
    private static readonly HashSet<string> RolesWithoutCertificate = new(StringComparer.OrdinalIgnoreCase)
    {
        "WebServices", "ConfServices", "ApplicationServer", "ManagementServices", "WacService", "UserStore", "FileStore",
        "ApplicationStore", "ArchivingStore", "MonitoringStore", "CentralMgmt", "CentralMgmtStore", "PersistentChatStore",
        "PersistentChatComplianceStore", "ArchivingServer", "MonitoringServer", "TrustedApplicationPool", "PstnGateway",
    };

    public static LyncTopology Map(XmlTopologyDocument doc, string path, TopologyOverrides? overrides, DiagnosticBag diagnostics)
    {
        var servicesByCluster = doc.Services.ToLookup(s => s.InstalledOn, StringComparer.OrdinalIgnoreCase);
        var xml = new XmlLocations(path);
        var officeWebApps = new List<OfficeWebAppsServer>();
        var xmppPorts = false;

        // A fact the overrides supply is not missing: warn only about what nothing provides.
        var version = ProductVersionOf(doc, overrides?.ProductVersion is null ? diagnostics : new DiagnosticBag());
        var effectiveVersion = overrides?.ProductVersion?.Value ?? version.Value;

        // A cluster whose site is not among the central sites still counts: it gets a site of its own
        // key rather than vanishing from the plan.
        var sites = doc.Sites.ToList();
        foreach (var orphan in doc.Clusters.Select(c => c.SiteKey).Distinct(StringComparer.Ordinal).Where(k => sites.All(s => s.Key != k)).ToList())
        {
            sites.Add(new XmlSite(orphan, new Located<string>("Site" + orphan, doc.Location)));
        }

        var clustersBySite = doc.Clusters.ToLookup(c => c.SiteKey, StringComparer.Ordinal);
        var result = new List<Site>();
        foreach (var site in sites)
        {
            var pools = new List<Pool>();
            foreach (var cluster in clustersBySite[site.Key])
            {
                var services = servicesByCluster[cluster.Key].ToList();
                if (services.FirstOrDefault(s => Is(s, "WacService")) is { } wac)
                {
                    officeWebApps.Add(OfficeWebApps(cluster, wac, xml));
                }

                var role = RoleOf(cluster, services);
                if (role is null)
                {
                    var unknown = services.Select(s => s.RoleName).Where(r => !RolesWithoutCertificate.Contains(r)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                    if (unknown.Count > 0)
                    {
                        diagnostics.Add(InputDiagnostics.XmlFactMissing, cluster.Location,
                            $"a role this version knows for the cluster '{cluster.Fqdn.Value}' (services: {string.Join(", ", unknown)})",
                            "no certificate is planned for it; describe it in the JSON format if it needs one");
                    }

                    continue;
                }

                if (role == PoolRole.Edge && Ports(services, "EdgeServer").Any(p => p.Attribute("Owner")?.Value == "urn:component:XmppFederationProxy"))
                {
                    // A guess the admin should see: XMPP changes the Edge certificate's names (a wildcard among them).
                    if (!xmppPorts && overrides?.Xmpp is null && effectiveVersion != ProductVersion.SfB2019)
                    {
                        diagnostics.Add(InputDiagnostics.XmppInferred, cluster.Location, cluster.Fqdn.Value);
                    }

                    xmppPorts = true;
                }

                pools.Add(PoolOf(cluster, role.Value, services, site.Name.Value, xml, diagnostics));
            }

            result.Add(new Site(site.Name, null, ImmutableArray.CreateRange(pools), site.Name.Location));
        }

        if (doc.SimpleUrls is null && overrides?.SimpleUrls is null)
        {
            diagnostics.Add(InputDiagnostics.XmlFactMissing, doc.Location, "simple URLs (meet, dial-in, admin)",
                "a published topology never does: add \"simpleUrls\" to a CertTopologyOverrides file (from Get-CsSimpleUrlConfiguration)");
        }

        return new LyncTopology(
            path,
            version,
            doc.SipDomains,
            doc.SimpleUrls ?? SimpleUrlSet.Empty,
            new Located<bool>(true, doc.Location),
            new Located<bool>(xmppPorts && effectiveVersion != ProductVersion.SfB2019, doc.Location),
            null,
            ImmutableArray.CreateRange(result),
            ImmutableArray.CreateRange(officeWebApps),
            null,
            doc.Location);
    }

    private static bool Is(XmlService service, string roleName) => string.Equals(service.RoleName, roleName, StringComparison.OrdinalIgnoreCase);

    private static PoolRole? RoleOf(XmlCluster cluster, List<XmlService> services)
    {
        bool Has(string roleName) => services.Any(s => Is(s, roleName));

        var registrar = services.FirstOrDefault(s => Is(s, "Registrar"));
        if (registrar?.Element.Element(N.ServiceRoles + "RegistrarService") is { } settings && XmlLocations.IsTrue(settings, "IsDirector"))
        {
            return PoolRole.Director;
        }

        if (Has("UserServices") || registrar is not null)
        {
            return cluster.IsSingleMachine ? PoolRole.StandardEdition : PoolRole.FrontEnd;
        }

        if (Has("EdgeServer"))
        {
            return PoolRole.Edge;
        }

        if (Has("MediationServer"))
        {
            return PoolRole.Mediation;
        }

        return services.Any(s => PersistentChatRoleNames.Contains(s.RoleName, StringComparer.OrdinalIgnoreCase)) ? PoolRole.PersistentChat : null;
    }

    private static Pool PoolOf(XmlCluster cluster, PoolRole role, List<XmlService> services, string siteName, XmlLocations xml, DiagnosticBag diagnostics)
    {
        // A single-machine cluster's machine is the cluster FQDN itself. A Standard Edition pool lists
        // no servers (its server is the pool); any other single-server pool names that one server.
        var servers = cluster.Machines;
        if (cluster.IsSingleMachine && cluster.Machines.All(m => DnsName.Comparer.Equals(m.Value, cluster.Fqdn.Value)))
        {
            servers = role == PoolRole.StandardEdition ? ImmutableArray<Located<string>>.Empty : ImmutableArray.Create(cluster.Fqdn);
        }

        if (servers.IsEmpty && role != PoolRole.StandardEdition)
        {
            diagnostics.Add(InputDiagnostics.XmlStructure, cluster.Location,
                $"The {role} pool '{cluster.Fqdn.Value}' lists no machine with an Fqdn attribute; its servers cannot be planned");
        }

        var roleLocated = new Located<PoolRole>(role, cluster.Location);
        return new Pool(
            cluster.Fqdn,
            roleLocated,
            servers,
            null,
            ExternalWebFqdn(services, xml),
            role == PoolRole.Edge ? EdgeFqdns(services, cluster, xml) : null,
            siteName,
            cluster.Location);
    }

    /// <summary>WebServices/WebService/ExternalSettings/@Host: the external web services FQDN.</summary>
    private static Located<string>? ExternalWebFqdn(List<XmlService> services, XmlLocations xml) =>
        services.Where(s => Is(s, "WebServices"))
            .Select(s => s.Element.Element(N.ServiceRoles + "WebService")?.Element(N.ServiceRoles + "ExternalSettings"))
            .OfType<System.Xml.Linq.XElement>()
            .Select(e => xml.Attribute(e, "Host"))
            .FirstOrDefault(h => h is not null);

    /// <summary>The external FQDNs are the ConfiguredFqdn of the External-side AccessEdge, DataEdge and MediaRelayEdge ports.</summary>
    private static EdgeExternalFqdns EdgeFqdns(List<XmlService> services, XmlCluster cluster, XmlLocations xml)
    {
        Located<string>? External(string owner) =>
            Ports(services, "EdgeServer")
                .Where(p => p.Attribute("Owner")?.Value == owner && p.Attribute("InterfaceSide")?.Value == "External")
                .Select(p => xml.Attribute(p, "ConfiguredFqdn"))
                .FirstOrDefault(f => f is not null);

        return new EdgeExternalFqdns(
            External("urn:component:AccessEdge"),
            External("urn:component:DataEdge"),
            External("urn:component:MediaRelayEdge"),
            cluster.Location);
    }

    private static IEnumerable<System.Xml.Linq.XElement> Ports(IEnumerable<XmlService> services, string roleName) =>
        services.Where(s => Is(s, roleName))
            .SelectMany(s => s.Element.Element(N.ServiceRoles + "Ports")?.Elements(N.ServiceRoles + "Port") ?? []);

    /// <summary>The Office Web Apps farm's FQDN is the host of its discovery URL, else the cluster FQDN.</summary>
    private static OfficeWebAppsServer OfficeWebApps(XmlCluster cluster, XmlService service, XmlLocations xml)
    {
        var fqdn = cluster.Fqdn;
        if (service.Element.Element(N.ServiceRoles + "WacService") is { } wac && xml.Attribute(wac, "DiscoveryUrl") is { } url
            && Uri.TryCreate(url.Value, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host))
        {
            fqdn = new Located<string>(uri.Host, url.Location);
        }

        return new OfficeWebAppsServer(fqdn, null, cluster.Location);
    }

    /// <summary>ServiceVersion 6 = Lync Server 2013, 7 = Skype for Business Server 2015, 8 = 2019; the highest wins.</summary>
    private static Located<ProductVersion> ProductVersionOf(XmlTopologyDocument doc, DiagnosticBag diagnostics)
    {
        var highest = doc.Services.Select(s => s.ServiceVersion).OfType<Located<int>>().MaxBy(v => v.Value);
        ProductVersion? version = highest?.Value switch
        {
            6 => ProductVersion.Lync2013,
            7 => ProductVersion.SfB2015,
            8 => ProductVersion.SfB2019,
            _ => null,
        };
        if (version is { } known)
        {
            return new Located<ProductVersion>(known, highest!.Location);
        }

        diagnostics.Add(InputDiagnostics.XmlFactMissing, highest?.Location ?? doc.Location,
            highest is null ? "a ServiceVersion" : $"a known ServiceVersion (found {highest.Value}; 6, 7 and 8 are Lync 2013, SfB 2015 and SfB 2019)",
            "planning assumes SfB2015; set \"productVersion\" in a CertTopologyOverrides file");
        return new Located<ProductVersion>(ProductVersion.SfB2015, highest?.Location ?? doc.Location);
    }
}
