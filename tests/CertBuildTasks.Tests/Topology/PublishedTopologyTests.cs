using CertBuildTasks.Diagnostics;
using CertBuildTasks.Tests.Infrastructure;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Tests.Topology;

/// <summary>
/// A published topology (Get-CsTopology -AsXml) with a Director pool, a stand-alone Mediation pool,
/// an Edge pool with three external FQDNs and two SIP domains, plus the overrides it needs.
/// </summary>
public sealed class PublishedTopologyTests
{
    private static readonly string Published = XmlTopology.Fixture("published-director-edge.xml");
    private static readonly string Overrides = XmlTopology.Fixture("published-director-edge.overrides.json");

    [Fact]
    public void Pools_roles_servers_and_domains_are_read()
    {
        var (topology, _, _) = XmlTopology.Plan(Published, Overrides);

        Assert.Equal(ProductVersion.SfB2015, topology.ProductVersion.Value);
        Assert.Equal(["fabrikam.com", "fabrikam.net"], XmlTopology.Values(topology.SipDomains));
        Assert.Equal("Redmond", Assert.Single(topology.Sites).Name.Value);
        Assert.Equal(
            ["pool01.fabrikam.com:FrontEnd", "dirpool.fabrikam.com:Director", "medpool.fabrikam.com:Mediation", "edgepool.fabrikam.com:Edge"],
            topology.Pools.Select(p => $"{p.Fqdn.Value}:{p.RoleValue}"));
        Assert.Equal(["fe01.fabrikam.com", "fe02.fabrikam.com"], XmlTopology.Values(XmlTopology.Pool(topology, "pool01.fabrikam.com").Servers));
        Assert.Equal(["dir01.fabrikam.com"], XmlTopology.Values(XmlTopology.Pool(topology, "dirpool.fabrikam.com").Servers));
        Assert.Equal("dirext.fabrikam.com", XmlTopology.Pool(topology, "dirpool.fabrikam.com").ExternalWebFqdn?.Value);
    }

    [Fact]
    public void The_edge_pool_keeps_its_three_external_fqdns()
    {
        var (topology, plan, _) = XmlTopology.Plan(Published, Overrides);

        var edge = XmlTopology.Pool(topology, "edgepool.fabrikam.com").Edge!;
        Assert.Equal(("sip.fabrikam.com", "webconf.fabrikam.com", "av.fabrikam.com"), (edge.AccessEdge?.Value, edge.WebConferencing?.Value, edge.AudioVideo?.Value));

        var external = plan.Certificates.Single(c => c.Usages.Contains("AccessEdgeExternal"));
        var sans = external.SubjectAlternativeNames.Select(n => n.Name).ToList();
        Assert.Equal("sip.fabrikam.com", external.SubjectName);
        Assert.Contains("webconf.fabrikam.com", sans);
        Assert.Contains("sip.fabrikam.net", sans);

        // The A/V Edge FQDN is never a SAN (PRODUCT.md decision on Edge external names).
        Assert.DoesNotContain("av.fabrikam.com", sans);
    }

    [Fact]
    public void Overrides_supply_what_the_published_document_does_not_carry()
    {
        var (topology, plan, diagnostics) = XmlTopology.Plan(Published, Overrides);

        Assert.Equal(["https://meet.fabrikam.com", "https://meet.fabrikam.net"], topology.SimpleUrls.Meet.Select(m => m.Url.Value));
        Assert.Equal("https://admin.fabrikam.com", topology.SimpleUrls.Admin?.Value);
        Assert.Equal("pool01.fabrikam.com", topology.StrictDnsSignInPool?.Value);
        Assert.Equal(Overrides, topology.StrictDnsSignInPool?.Location.FilePath);
        Assert.Equal("webint01.fabrikam.com", XmlTopology.Pool(topology, "pool01.fabrikam.com").InternalWebFqdn?.Value);
        Assert.NotNull(topology.ReverseProxy);
        Assert.DoesNotContain(diagnostics, d => d.Id == "CBT1012");

        var frontEnd = plan.Certificates.First(c => c.Pool == "pool01.fabrikam.com");
        var sans = frontEnd.SubjectAlternativeNames.Select(n => n.Name).ToList();
        Assert.Contains("meet.fabrikam.net", sans);
        Assert.Contains("sip.fabrikam.net", sans);
        Assert.Contains("webint01.fabrikam.com", sans);
        Assert.Contains(plan.Certificates, c => c.Pool == "medpool.fabrikam.com" && c.Servers.SequenceEqual(["med01.fabrikam.com"]));
        Assert.Contains(plan.Certificates, c => c.Kind == Policy.CertificateKind.ReverseProxy);
    }

    [Fact]
    public void Without_overrides_the_missing_simple_urls_are_reported_at_the_document()
    {
        var diagnostics = XmlTopology.Validate(Published).Diagnostics;

        var missing = Assert.Single(diagnostics, d => d.Id == "CBT1012");
        Assert.Equal(DiagnosticSeverity.Warning, missing.Severity);
        Assert.Contains("CertTopologyOverrides", missing.Message, StringComparison.Ordinal);
        Assert.Equal((Published, 6), (missing.Location.FilePath, missing.Location.Line));
    }

    [Fact]
    public void An_override_for_a_pool_that_does_not_exist_is_an_error_at_the_override()
    {
        using var temp = new TempDirectory();
        var overrides = temp.Write("overrides.json", """
            {
              "productVersion": "SfB2019",
              "pools": [ { "fqdn": "nosuchpool.fabrikam.com", "externalWebFqdn": "x.fabrikam.com" } ]
            }
            """);

        var result = XmlTopology.Validate(Published, overrides);

        var unmatched = Assert.Single(result.Diagnostics, d => d.Id == "CBT1013");
        Assert.Equal((overrides, 3), (unmatched.Location.FilePath, unmatched.Location.Line));
        Assert.Equal(ProductVersion.SfB2019, result.Topology?.ProductVersion.Value);
    }

    [Fact]
    public void An_overrides_file_that_breaks_its_schema_is_reported_with_its_location()
    {
        using var temp = new TempDirectory();
        var overrides = temp.Write("overrides.json", "{\n  \"simpleUrl\": {}\n}");

        var result = XmlTopology.Validate(Published, overrides);

        var violation = Assert.Single(result.Diagnostics, d => d.Id == "CBT1004");
        Assert.Equal((overrides, 2), (violation.Location.FilePath, violation.Location.Line));
        Assert.Contains("topology overrides", violation.Message, StringComparison.Ordinal);
        Assert.Null(result.Topology);
    }
}
