using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using static CertBuildTasks.Tests.Infrastructure.Plan;

namespace CertBuildTasks.Tests.Planning;

/// <summary>
/// The Microsoft documentation's own SN/SAN examples (reference §1, "certificate requirements for
/// internal servers", the Edge and reverse proxy summaries), each rebuilt as a topology and planned.
/// Where the product deliberately differs — SAN[0] is always the subject, web usages combined by
/// default — the expected set says so; docs/planning.md lists the deviations.
/// </summary>
public class ReferenceExamplesTests
{
    private static JObject Separate() => new() { ["layout"] = new JObject { ["webServices"] = "separate" } };

    private static void AssertNames(IEnumerable<string> expected, PlannedCertificate certificate)
    {
        Assert.Equal(expected.OrderBy(x => x, StringComparer.Ordinal), certificate.SanNames.OrderBy(x => x, StringComparer.Ordinal));
        Assert.Equal(certificate.SubjectName, certificate.SanNames.First());
    }

    private static JObject StandardEditionTopology()
    {
        var se = PoolOf("se01.contoso.com", "StandardEdition");
        se["externalWebFqdn"] = "webcon01.contoso.com";
        var topology = TopologyOf(["contoso.com", "fabrikam.com"], se);
        topology["simpleUrls"]!["admin"] = "https://admin.contoso.com";
        return topology;
    }

    [Fact]
    public void Standard_edition_separate_usages_match_the_documented_rows()
    {
        var plan = Run(StandardEditionTopology(), Separate());
        // Default: SN=se01.contoso.com; SAN=se01.contoso.com
        var d = plan["frontend-default-se01.contoso.com"];
        Assert.Equal("se01.contoso.com", d.SubjectName);
        AssertNames(["se01.contoso.com"], d);
        // Web internal: SAN=se01; meet.contoso.com; meet.fabrikam.com; dialin.contoso.com; admin.contoso.com
        AssertNames(["se01.contoso.com", "meet.contoso.com", "meet.fabrikam.com", "dialin.contoso.com", "admin.contoso.com"], plan["frontend-webinternal-se01.contoso.com"]);
        // Web external: SAN=webcon01; meet.contoso.com; meet.fabrikam.com; dialin — plus the subject as SAN[0] (deviation).
        AssertNames(["se01.contoso.com", "webcon01.contoso.com", "meet.contoso.com", "meet.fabrikam.com", "dialin.contoso.com"], plan["frontend-webexternal-se01.contoso.com"]);
    }

    [Fact]
    public void Standard_edition_with_strict_dns_sign_in_adds_sip_names_to_default_only()
    {
        var topology = StandardEditionTopology();
        topology["strictDnsSignInPool"] = "se01.contoso.com";
        var plan = Run(topology, Separate());
        // SN=se01.contoso.com; SAN=se01.contoso.com (+ SAN=sip.contoso.com; SAN=sip.fabrikam.com)
        AssertNames(["se01.contoso.com", "sip.contoso.com", "sip.fabrikam.com"], plan["frontend-default-se01.contoso.com"]);
        Assert.DoesNotContain("sip.contoso.com", plan["frontend-webinternal-se01.contoso.com"].SanNames);
    }

    [Fact]
    public void Standard_edition_combined_is_the_union_of_the_three_rows()
    {
        var plan = Run(StandardEditionTopology());
        var c = Assert.Single(plan.WithUsage(LyncUsage.Default));
        Assert.Equal([LyncUsage.Default, LyncUsage.WebServicesInternal, LyncUsage.WebServicesExternal], c.Usages.ToArray());
        AssertNames(["se01.contoso.com", "webcon01.contoso.com", "meet.contoso.com", "meet.fabrikam.com", "dialin.contoso.com", "admin.contoso.com"], c);
    }

    [Fact]
    public void Enterprise_front_end_default_is_pool_plus_this_server()
    {
        var plan = Run(TopologyOf(["contoso.com"], PoolOf("eepool.contoso.com", "FrontEnd", "ee01.contoso.com", "ee02.contoso.com")), Separate());
        // SN=eepool.contoso.com; SAN=eepool.contoso.com; SAN=ee01.contoso.com — one certificate per server,
        // naming the pool and this server only.
        var ee01 = plan["frontend-default-ee01.contoso.com"];
        Assert.Equal("eepool.contoso.com", ee01.SubjectName);
        Assert.Equal(["eepool.contoso.com", "ee01.contoso.com"], ee01.SanNames);
        Assert.Equal(["eepool.contoso.com", "ee02.contoso.com"], plan["frontend-default-ee02.contoso.com"].SanNames);
        Assert.Equal(["ee01.contoso.com"], ee01.Servers.ToArray());
        Assert.False(ee01.ExportablePrivateKey);
    }

    [Fact]
    public void Enterprise_front_end_internal_web_uses_the_override_fqdn()
    {
        var pool = PoolOf("eepool.contoso.com", "FrontEnd", "ee01.contoso.com");
        pool["internalWebFqdn"] = "eeweb.contoso.com";
        var plan = Run(TopologyOf(["contoso.com"], pool), Separate());
        Assert.Contains("eeweb.contoso.com", plan["frontend-webinternal-ee01.contoso.com"].SanNames);
        Assert.DoesNotContain("eeweb.contoso.com", plan["frontend-webexternal-ee01.contoso.com"].SanNames);
    }

    [Fact]
    public void Director_pool_member_matches_the_director_pool_summary()
    {
        var topology = TopologyOf(["contoso.com"], PoolOf("dirpool01.contoso.net", "Director", "dir01.contoso.net", "dir02.contoso.net"));
        topology["mobility"] = true;
        var plan = Run(topology);
        // SN=dirpool01.contoso.net; SAN dirpool01.contoso.net, dir01.contoso.net, dialin, meet, lyncdiscoverinternal, lyncdiscover — one per Director.
        var dir01 = plan["director-dir01.contoso.net"];
        Assert.Equal("dirpool01.contoso.net", dir01.SubjectName);
        AssertNames(["dirpool01.contoso.net", "dir01.contoso.net", "dialin.contoso.com", "meet.contoso.com", "lyncdiscoverinternal.contoso.com", "lyncdiscover.contoso.com"], dir01);
        Assert.Equal("dir01.contoso.net", dir01.SanNames.ElementAt(1)); // this server right after the subject
        Assert.Equal(2, plan.Plan.Certificates.Count(c => c.Kind == CertificateKind.Director));
    }

    [Fact]
    public void Standalone_mediation_member_is_default_only_with_pool_and_member()
    {
        var plan = Run(TopologyOf(["contoso.com"], PoolOf("medsvr-pool.contoso.net", "Mediation", "medsvr01.contoso.net")));
        // SN=medsvr-pool.contoso.net; SAN=medsvr-pool.contoso.net; SAN=medsvr01.contoso.net
        var c = plan["mediation-medsvr01.contoso.net"];
        Assert.Equal([LyncUsage.Default], c.Usages.ToArray());
        Assert.Equal("medsvr-pool.contoso.net", c.SubjectName);
        AssertNames(["medsvr-pool.contoso.net", "medsvr01.contoso.net"], c);
    }

    [Fact]
    public void Survivable_branch_appliance_gets_sip_names_after_its_own_fqdn()
    {
        var plan = Run(TopologyOf(["contoso.com", "fabrikam.com"], PoolOf("sba01.contoso.net", "SurvivableBranch")));
        // SN=sba01.contoso.net; SAN=sip.contoso.com; SAN=sip.fabrikam.com — plus the subject as SAN[0] (deviation).
        var c = plan["sba-sba01.contoso.net"];
        AssertNames(["sba01.contoso.net", "sip.contoso.com", "sip.fabrikam.com"], c);
        Assert.Equal(["sba01.contoso.net"], c.Servers.ToArray());
    }

    private static JObject EdgePool(params string[] servers)
    {
        var edge = PoolOf("sfbedge.contoso.com", "Edge", servers);
        edge["edge"] = new JObject { ["accessFqdn"] = "sip.contoso.com", ["webConferencingFqdn"] = "webcon.contoso.com", ["audioVideoFqdn"] = "av.contoso.com" };
        return edge;
    }

    [Fact]
    public void Edge_internal_is_the_pool_fqdn_and_exportable_only_when_shared()
    {
        var single = Run(TopologyOf(["contoso.com"], EdgePool("edge01.contoso.com")))["edge-internal-sfbedge.contoso.com"];
        // Internal Edge sfbedge.contoso.com, no SAN — here SAN = [subject] (deviation).
        Assert.Equal([LyncUsage.Internal], single.Usages.ToArray());
        AssertNames(["sfbedge.contoso.com"], single);
        Assert.False(single.ExportablePrivateKey);
        var pooled = Run(TopologyOf(["contoso.com"], EdgePool("edge01.contoso.com", "edge02.contoso.com")))["edge-internal-sfbedge.contoso.com"];
        Assert.True(pooled.ExportablePrivateKey);
        Assert.Equal(["edge01.contoso.com", "edge02.contoso.com"], pooled.Servers.ToArray());
    }

    [Fact]
    public void Edge_external_matches_the_sfb_edge_table()
    {
        var plan = Run(TopologyOf(["contoso.com", "fabrikam.com"], EdgePool("edge01.contoso.com", "edge02.contoso.com")));
        // SN=sip.contoso.com; SAN sip.contoso.com, webcon.contoso.com, sip.fabrikam.com; public; one shared, exportable certificate.
        var c = plan["edge-external-sfbedge.contoso.com"];
        Assert.Equal("sip.contoso.com", c.SubjectName);
        Assert.Equal(["sip.contoso.com", "webcon.contoso.com", "sip.fabrikam.com"], c.SanNames);
        Assert.Equal([LyncUsage.AccessEdgeExternal, LyncUsage.DataEdgeExternal, LyncUsage.AudioVideoAuthentication], c.Usages.ToArray());
        Assert.Equal(AuthorityKind.Public, c.CertificateAuthority);
        Assert.True(c.ExportablePrivateKey);
        Assert.Equal(RequestMode.Offline, c.RequestMode);
        Assert.Equal("edge01.contoso.com", c.RequestingServer);
        Assert.Equal([EnhancedKeyUsageOids.ServerAuthentication], c.EnhancedKeyUsages.ToArray());
        Assert.DoesNotContain("av.contoso.com", c.SanNames);
    }

    [Fact]
    public void Edge_external_with_xmpp_adds_the_xmpp_names_and_usage()
    {
        var topology = TopologyOf(["contoso.com"], EdgePool("edge01.contoso.com"));
        topology["xmpp"] = true;
        var c = Run(topology)["edge-external-sfbedge.contoso.com"];
        // XMPP adds xmpp.contoso.com and *.contoso.com; the wildcard comes last.
        Assert.Equal(["sip.contoso.com", "webcon.contoso.com", "xmpp.contoso.com", "*.contoso.com"], c.SanNames);
        Assert.Contains(LyncUsage.XmppServer, c.Usages);
    }

    [Fact]
    public void Reverse_proxy_publishes_every_external_name()
    {
        var fe = PoolOf("pool01.contoso.com", "FrontEnd", "fe01.contoso.com");
        fe["externalWebFqdn"] = "webext.contoso.com";
        var dir = PoolOf("dirpool.contoso.com", "Director", "dir01.contoso.com");
        dir["externalWebFqdn"] = "dirwebext.contoso.com";
        var topology = TopologyOf(["contoso.com"], fe, dir);
        topology["mobility"] = true;
        topology["simpleUrls"]!["admin"] = "https://admin.contoso.com";
        topology["officeWebApps"] = new JArray(new JObject { ["fqdn"] = "owas01.contoso.local", ["externalFqdn"] = "officewebapps01.contoso.com" });
        topology["reverseProxy"] = new JObject { ["name"] = "tmg01" };
        var c = Run(topology)["reverseproxy-tmg01"];
        // SN=webext.contoso.com (repeated in SAN), Director external web, meet, dialin, OWAS, lyncdiscover; no admin URL.
        Assert.Equal("webext.contoso.com", c.SubjectName);
        AssertNames(["webext.contoso.com", "dirwebext.contoso.com", "meet.contoso.com", "dialin.contoso.com", "officewebapps01.contoso.com", "lyncdiscover.contoso.com"], c);
        Assert.Empty(c.Usages);
        Assert.Empty(c.Servers);
        Assert.Equal(AuthorityKind.Public, c.CertificateAuthority);
        Assert.True(c.ExportablePrivateKey);
    }

    [Fact]
    public void OAuth_token_issuer_is_one_global_certificate_for_the_default_sip_domain()
    {
        var plan = Run(TopologyOf(["contoso.com", "fabrikam.com"], PoolOf("pool01.contoso.com", "FrontEnd", "fe01.contoso.com", "fe02.contoso.com")));
        var c = Assert.Single(plan.WithUsage(LyncUsage.OAuthTokenIssuer));
        Assert.Equal("contoso.com", c.SubjectName);
        Assert.Equal(["contoso.com"], c.SanNames);
        Assert.Empty(c.Servers);
        Assert.True(c.ExportablePrivateKey);
        Assert.Equal("fe01.contoso.com", c.RequestingServer);
        Assert.Same(c, plan.Plan.Certificates[0]);
    }
}
