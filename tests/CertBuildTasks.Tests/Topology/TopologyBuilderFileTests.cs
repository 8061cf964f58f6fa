using CertBuildTasks.Diagnostics;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Tests.Topology;

/// <summary>The two real Topology Builder files of shared/topologies, read and planned as they are.</summary>
public sealed class TopologyBuilderFileTests
{
    [Fact]
    public void Contoso_reads_its_pools_servers_domains_simple_urls_and_edge_fqdns()
    {
        var (topology, _, diagnostics) = XmlTopology.Plan(XmlTopology.Shared(XmlTopology.ContosoTbxml));

        Assert.Equal(ProductVersion.SfB2015, topology.ProductVersion.Value);
        Assert.Equal(["contoso.com"], XmlTopology.Values(topology.SipDomains));
        Assert.Equal("Contoso", Assert.Single(topology.Sites).Name.Value);

        // Only the pools that need Lync certificates: SQL, file shares and the OWAS cluster are not pools.
        Assert.Equal(
            ["frontendpool.contoso.com:FrontEnd", "edgepool.contoso.com:Edge"],
            topology.Pools.Select(p => $"{p.Fqdn.Value}:{p.RoleValue}"));

        var frontEnd = XmlTopology.Pool(topology, "frontendpool.contoso.com");
        Assert.Equal([.. Enumerable.Range(1, 4).Select(i => $"xfrontend{i}.contoso.com")], XmlTopology.Values(frontEnd.Servers));
        Assert.Equal("frontendpool.contoso.com", frontEnd.ExternalWebFqdn?.Value);

        var edge = XmlTopology.Pool(topology, "edgepool.contoso.com");
        Assert.Equal(["xedge1.contoso.com", "xedge2.contoso.com", "xedge3.contoso.com"], XmlTopology.Values(edge.Servers));
        Assert.Equal("ExternalEdge.contoso.com", edge.Edge?.AccessEdge?.Value);
        Assert.Equal("ExternalEdge.contoso.com", edge.Edge?.WebConferencing?.Value);
        Assert.Equal("ExternalEdge.contoso.com", edge.Edge?.AudioVideo?.Value);
        Assert.True(topology.Xmpp.Value, "the Edge has XMPP federation proxy ports");

        Assert.Equal("https://meet.contoso.com", Assert.Single(topology.SimpleUrls.Meet).Url.Value);
        Assert.Equal("contoso.com", topology.SimpleUrls.Meet[0].Domain.Value);
        Assert.Equal("https://dialin.contoso.com", topology.SimpleUrls.Dialin?.Value);
        Assert.Equal("xoffice1.contoso.com", Assert.Single(topology.OfficeWebApps).Fqdn.Value, ignoreCase: true);

        // Said, not guessed silently: XMPP comes from the Edge's ports, and a Topology Builder file never
        // names the reverse proxy that the Edge and the external web services need.
        Assert.Equal(["CBT1015", "CBT1119"], diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Info && d.Id is not "CBT2000").Select(d => d.Id).Order());
        Assert.Equal(DiagnosticSeverity.Info, diagnostics.Single(d => d.Id == "CBT1015").Severity);
    }

    [Fact]
    public void Contoso_plans_per_server_front_end_certificates_and_one_edge_pair()
    {
        var (_, plan, _) = XmlTopology.Plan(XmlTopology.Shared(XmlTopology.ContosoTbxml));

        var frontEnds = plan.Certificates.Where(c => c.Pool == "frontendpool.contoso.com").ToList();
        Assert.Equal(4, frontEnds.Count);
        foreach (var cert in frontEnds)
        {
            var sans = cert.SubjectAlternativeNames.Select(n => n.Name).ToList();
            Assert.Equal("frontendpool.contoso.com", cert.SubjectName);
            Assert.Contains(Assert.Single(cert.Servers), sans);
            Assert.Contains("meet.contoso.com", sans);
            Assert.Contains("dialin.contoso.com", sans);
            Assert.Contains("lyncdiscover.contoso.com", sans);
        }

        var external = plan.Certificates.Single(c => c.Usages.Contains("AccessEdgeExternal"));
        Assert.Equal("externaledge.contoso.com", external.SubjectName);
        Assert.Contains("sip.contoso.com", external.SubjectAlternativeNames.Select(n => n.Name));
        Assert.True(external.ExportablePrivateKey, "every Edge server of the pool shares the A/V authentication key");
        Assert.Equal("edgepool.contoso.com", plan.Certificates.Single(c => c.Usages.Contains("Internal")).SubjectName);

        // Mediation is collocated on the Front End pool: no Mediation certificate of its own.
        Assert.DoesNotContain(plan.Certificates, c => c.Kind == CertificateKind.Mediation);
    }

    [Fact]
    public void Otc_reads_a_standard_edition_server_of_skype_for_business_server_2019()
    {
        var (topology, plan, diagnostics) = XmlTopology.Plan(XmlTopology.Shared(XmlTopology.OtcTbxml));

        Assert.Equal(ProductVersion.SfB2019, topology.ProductVersion.Value);
        Assert.False(topology.Xmpp.Value);
        Assert.Equal(["otc.lab"], XmlTopology.Values(topology.SipDomains));
        var pool = Assert.Single(topology.Pools);
        Assert.Equal(("OCT-EXH-002.otc.lab", PoolRole.StandardEdition), (pool.Fqdn.Value, pool.RoleValue));
        Assert.Equal(["OCT-EXH-002.otc.lab"], XmlTopology.Values(pool.EffectiveServers));
        Assert.Equal("https://meet.otc.lab", Assert.Single(topology.SimpleUrls.Meet).Url.Value);
        Assert.Equal("https://dialin.otc.lab", topology.SimpleUrls.Dialin?.Value);

        var standard = plan.Certificates.Where(c => string.Equals(c.Pool, "OCT-EXH-002.otc.lab", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(standard);
        var names = standard.SelectMany(c => c.SubjectAlternativeNames.Select(n => n.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Contains("meet.otc.lab", names);
        Assert.Contains("dialin.otc.lab", names);
        Assert.Contains("oct-exh-002.otc.lab", names);
        Assert.Contains(plan.Certificates, c => c.Usages.Contains("OAuthTokenIssuer"));

        // otc.lab is an internal-only name: the plan says so instead of failing.
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Diagnostics_point_at_the_xml_line_and_column()
    {
        var text = File.ReadAllText(XmlTopology.Shared(XmlTopology.ContosoTbxml));
        const string Original = "Fqdn=\"xedge2.contoso.com\"";
        var index = text.IndexOf(Original, StringComparison.Ordinal);
        var line = text[..index].Count(c => c == '\n') + 1;
        var column = index - text.LastIndexOf('\n', index);
        using var temp = new TempDirectory();
        var path = temp.Write("contoso.tbxml", text.Replace(Original, "Fqdn=\"xedge2..contoso.com\"", StringComparison.Ordinal));

        var problem = XmlTopology.Validate(path).Diagnostics.First(d => d.Message.Contains("xedge2..contoso.com", StringComparison.Ordinal));

        Assert.Equal(DiagnosticSeverity.Error, problem.Severity);
        Assert.Equal(path, problem.Location.FilePath);
        Assert.Equal((line, column), (problem.Location.Line, problem.Location.Column));
    }
}
