using CertBuildTasks.Diagnostics;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Topology;

/// <summary>Hostile or broken XML gets one clear diagnostic with a location, never an exception or an expansion.</summary>
public sealed class XmlInputSafetyTests
{
    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008">
          <InternalDomains DefaultDomain="&lol9;" />
        </Topology>
        """;

    private static IReadOnlyList<Diagnostic> Read(string text, string fileName = "topology.xml")
    {
        using var temp = new TempDirectory();
        var path = temp.Write(fileName, text);
        var result = XmlTopology.Validate(path);
        Assert.Null(result.Topology);
        return result.Diagnostics;
    }

    [Fact]
    public void A_billion_laughs_document_is_refused_at_its_doctype()
    {
        var d = Assert.Single(Read(BillionLaughs));
        Assert.Equal("CBT1010", d.Id);
        Assert.Equal((2, 1), (d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void An_external_entity_document_is_refused_and_the_file_it_names_is_never_read()
    {
        using var temp = new TempDirectory();
        var secret = temp.Write("secret.txt", "contoso-secret.com");
        var text = $"""
            <?xml version="1.0"?>
            <!DOCTYPE Topology [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
            <Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008">
              <InternalDomains DefaultDomain="&xxe;" />
            </Topology>
            """;

        var diagnostics = Read(text, "published.xml");

        var refused = Assert.Single(diagnostics);
        Assert.Equal(("CBT1010", 2), (refused.Id, refused.Location.Line));
    }

    [Fact]
    public void Malformed_xml_is_a_syntax_error_at_the_reader_position()
    {
        var d = Assert.Single(Read("<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\">\n  <Sites>\n</Topology>", "broken.tbxml"));
        Assert.Equal("CBT1009", d.Id);
        Assert.Equal(3, d.Location.Line);
    }

    [Fact]
    public void A_doctype_text_inside_a_comment_does_not_hide_the_real_syntax_error()
    {
        var d = Assert.Single(Read("<!-- <!DOCTYPE was removed -->\n<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\">\n  <Sites>\n</Topology>"));
        Assert.Equal(("CBT1009", 4), (d.Id, d.Location.Line));
    }

    [Fact]
    public void A_document_of_another_kind_is_named_by_its_root_element()
    {
        var d = Assert.Single(Read("<project xmlns=\"urn:example\"><name>x</name></project>"));
        Assert.Equal("CBT1011", d.Id);
        Assert.Contains("{urn:example}project", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_namespace_decides_not_the_local_name()
    {
        // A TopologyBuilder element in no namespace is not a Topology Builder file.
        var d = Assert.Single(Read("<TopologyBuilder><NewTopology /></TopologyBuilder>", "plain.tbxml"));
        Assert.Equal("CBT1011", d.Id);
    }

    [Fact]
    public void A_cluster_without_fqdn_and_a_pool_without_machines_are_reported_where_they_are()
    {
        const string Text = """
            <Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008">
              <InternalDomains DefaultDomain="fabrikam.com" />
              <Sites><CentralSite SiteId="1"><Name>S</Name></CentralSite></Sites>
              <Clusters>
                <Cluster><ClusterId SiteId="1" Number="1" /></Cluster>
                <Cluster Fqdn="pool.fabrikam.com" IsSingleMachineOnly="false"><ClusterId SiteId="1" Number="2" /></Cluster>
              </Clusters>
              <Services>
                <Service ServiceVersion="7"><ServiceId SiteId="1" RoleName="UserServices" Instance="1" /><InstalledOn><ClusterId SiteId="1" Number="2" /></InstalledOn></Service>
              </Services>
            </Topology>
            """;
        using var temp = new TempDirectory();
        var path = temp.Write("t.xml", Text);

        var result = XmlTopology.Validate(path);

        Assert.Equal([5, 6], result.Diagnostics.Where(d => d.Id == "CBT1011").Select(d => d.Location.Line));
        Assert.Null(result.Topology);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("CBT11", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_service_version_is_a_warning_and_planning_assumes_sfb_2015()
    {
        var text = File.ReadAllText(XmlTopology.Fixture("published-director-edge.xml")).Replace("ServiceVersion=\"7\"", "ServiceVersion=\"5\"", StringComparison.Ordinal);
        using var temp = new TempDirectory();
        var path = temp.Write("t.xml", text);

        var result = XmlTopology.Validate(path);

        Assert.Contains(result.Diagnostics, d => d.Id == "CBT1012" && d.Message.Contains("found 5", StringComparison.Ordinal));
        Assert.Equal(CertBuildTasks.Topology.ProductVersion.SfB2015, result.Topology?.ProductVersion.Value);
    }
}
