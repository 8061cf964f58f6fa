using CertBuildTasks.Diagnostics;
using CertBuildTasks.Tests.Infrastructure;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Tests.Topology;

/// <summary>How clusters and services become pools, in small published documents built for one question each.</summary>
public sealed class XmlRoleMappingTests
{
    private const string SimpleUrls = """
        <SimpleUrlConfiguration xmlns="urn:schema:Microsoft.Rtc.Management.Settings.SimpleUrl.2008">
          <SimpleUrl Component="Meet" Domain="fabrikam.com" ActiveUrl="https://meet.fabrikam.com" />
          <SimpleUrl Component="Dialin" Domain="*" ActiveUrl="https://dialin.fabrikam.com" />
        </SimpleUrlConfiguration>
        """;

    private static string Cluster(int number, string fqdn, params string[] machines) =>
        $"<Cluster Fqdn=\"{fqdn}\"><ClusterId SiteId=\"1\" Number=\"{number}\" />"
        + string.Concat(machines.Select(m => $"<Machine Fqdn=\"{m}\" />")) + "</Cluster>";

    private static string Service(int cluster, string role, string version = "7", string body = "", string siteId = "1") =>
        $"<Service ServiceVersion=\"{version}\"><ServiceId SiteId=\"{siteId}\" RoleName=\"{role}\" Instance=\"{cluster}\" />"
        + $"<InstalledOn><ClusterId SiteId=\"{siteId}\" Number=\"{cluster}\" /></InstalledOn>{body}</Service>";

    private const string XmppPorts = """
        <Ports xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008">
          <Port Owner="urn:component:AccessEdge" InterfaceSide="External" ConfiguredFqdn="sip.fabrikam.com" />
          <Port Owner="urn:component:DataEdge" InterfaceSide="External" ConfiguredFqdn="webconf.fabrikam.com" />
          <Port Owner="urn:component:MediaRelayEdge" InterfaceSide="External" ConfiguredFqdn="av.fabrikam.com" />
          <Port Owner="urn:component:XmppFederationProxy" InterfaceSide="External" />
        </Ports>
        """;

    private static CertBuildTasks.Validation.ValidationResult Read(string clusters, string services, string sites = "<Sites><CentralSite SiteId=\"1\"><Name>Site1</Name></CentralSite></Sites>", string? overrides = null)
    {
        var text = $"""
            <Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008">
              <InternalDomains DefaultDomain="fabrikam.com"><InternalDomain Name="fabrikam.com" /></InternalDomains>
              {SimpleUrls}
              {sites}
              <Clusters>{clusters}</Clusters>
              <Services>{services}</Services>
            </Topology>
            """;
        using var temp = new TempDirectory();
        var path = temp.Write("topology.xml", text);
        var overridesPath = overrides is null ? null : temp.Write("overrides.json", overrides);
        return XmlTopology.Validate(path, overridesPath);
    }

    [Fact]
    public void A_single_server_edge_or_director_keeps_its_server()
    {
        var result = Read(
            Cluster(1, "edge.fabrikam.com", "edge.fabrikam.com") + Cluster(2, "dir.fabrikam.com", "dir.fabrikam.com") + Cluster(3, "se.fabrikam.com", "se.fabrikam.com"),
            Service(1, "EdgeServer", body: XmppPorts) + Service(2, "Registrar", body: "<RegistrarService IsDirector=\"true\" xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\" />") + Service(3, "UserServices"));

        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var topology = result.Topology!;
        Assert.Equal(["edge.fabrikam.com"], XmlTopology.Values(XmlTopology.Pool(topology, "edge.fabrikam.com").Servers));
        Assert.Equal(["dir.fabrikam.com"], XmlTopology.Values(XmlTopology.Pool(topology, "dir.fabrikam.com").Servers));
        var standard = XmlTopology.Pool(topology, "se.fabrikam.com");
        Assert.Equal((PoolRole.StandardEdition, 0), (standard.RoleValue, standard.Servers.Length));
    }

    [Fact]
    public void A_published_pool_without_machines_is_not_taken_for_a_standard_edition_server()
    {
        var result = Read(Cluster(1, "pool.fabrikam.com"), Service(1, "UserServices"));

        Assert.Contains(result.Diagnostics, d => d.Id == "CBT1011" && d.Message.Contains("FrontEnd pool 'pool.fabrikam.com'", StringComparison.Ordinal));
        Assert.Null(result.Topology);
    }

    [Fact]
    public void A_cluster_in_no_known_site_is_kept_in_a_site_of_its_own()
    {
        var result = Read(Cluster(1, "pool.fabrikam.com", "fe1.fabrikam.com", "fe2.fabrikam.com"), Service(1, "UserServices"), sites: string.Empty);

        var site = Assert.Single(result.Topology!.Sites);
        Assert.Equal(("Site1", "pool.fabrikam.com"), (site.Name.Value, Assert.Single(site.Pools).Fqdn.Value));
    }

    [Theory]
    [InlineData("7", null, true)]
    [InlineData("8", null, false)]
    [InlineData("7", "SfB2019", false)]
    [InlineData("8", "SfB2015", true)]
    public void Xmpp_follows_the_edge_ports_and_the_effective_product_version(string serviceVersion, string? overrideVersion, bool xmpp)
    {
        var overrides = overrideVersion is null ? null : $"{{ \"productVersion\": \"{overrideVersion}\" }}";
        var result = Read(Cluster(1, "edgepool.fabrikam.com", "edge1.fabrikam.com"), Service(1, "EdgeServer", serviceVersion, XmppPorts), overrides: overrides);

        Assert.Equal(xmpp, result.Topology!.Xmpp.Value);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "CBT1111");

        // The inference is said (info), once, at the Edge cluster, and only when it turned XMPP on.
        var said = result.Diagnostics.Where(d => d.Id == "CBT1015").ToList();
        Assert.Equal(xmpp ? 1 : 0, said.Count);
        Assert.All(said, d => Assert.Contains("'edgepool.fabrikam.com'", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Xmpp_set_by_the_overrides_is_not_inferred_and_not_said()
    {
        var result = Read(Cluster(1, "edgepool.fabrikam.com", "edge1.fabrikam.com"), Service(1, "EdgeServer", "7", XmppPorts), overrides: "{ \"xmpp\": false }");
        Assert.False(result.Topology!.Xmpp.Value);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "CBT1015");
    }

    [Fact]
    public void A_cluster_with_an_unknown_role_is_reported_instead_of_dropped_silently()
    {
        var result = Read(
            Cluster(1, "pool.fabrikam.com", "fe1.fabrikam.com", "fe2.fabrikam.com") + Cluster(2, "vg.fabrikam.com", "vg.fabrikam.com"),
            Service(1, "UserServices") + Service(2, "VideoInteropServer") + Service(2, "FileStore"));

        var warning = Assert.Single(result.Diagnostics, d => d.Id == "CBT1012");
        Assert.Contains("VideoInteropServer", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("FileStore", warning.Message, StringComparison.Ordinal);
        Assert.Equal(["pool.fabrikam.com"], result.Topology!.Pools.Select(p => p.Fqdn.Value));
    }

    [Fact]
    public void Role_names_are_matched_without_regard_to_case()
    {
        var result = Read(Cluster(1, "med.fabrikam.com", "med1.fabrikam.com", "med2.fabrikam.com"), Service(1, "mediationserver"));

        Assert.Equal(PoolRole.Mediation, Assert.Single(result.Topology!.Pools).RoleValue);
    }
}
