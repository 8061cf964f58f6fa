using CertBuildTasks.Diagnostics;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Issued;

public sealed class LdapOnlyLocationsRuleTests : IssuedGateTestBase
{
    private const string Ldap = "ldap:///CN=Contoso Issuing CA,CN=ca01,CN=CDP,CN=Public Key Services,CN=Services,CN=Configuration,DC=contoso,DC=com?certificateRevocationList?base";

    [Fact]
    public void A_front_end_certificate_with_only_an_ldap_crl_warns_and_names_the_edge_and_the_reverse_proxy()
    {
        var d = Only(Gate("frontend-fe01.contoso.com", new() { CrlUris = [Ldap] }), "CBT3120", "frontend-fe01.contoso.com.cer");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains("CRL distribution points", d.Message, StringComparison.Ordinal);
        Assert.Contains("the Edge servers (not domain-joined) and the reverse proxy", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_certificate_with_only_an_ldap_issuer_location_warns_for_external_clients()
    {
        var d = Only(Gate("edge-external-edgepool.contoso.com", new() { IssuerUris = ["ldap:///CN=Contoso Issuing CA,CN=AIA,DC=contoso,DC=com?cACertificate"] }), "CBT3120", "edge-external-edgepool.contoso.com.cer");
        Assert.Contains("issuer (AIA)", d.Message, StringComparison.Ordinal);
        Assert.Contains("external clients", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_http_location_beside_ldap_or_a_certificate_only_domain_members_validate_passes()
    {
        Assert.DoesNotContain(Gate("frontend-fe01.contoso.com", new() { CrlUris = [Ldap, "http://pki.contoso.com/issuing.crl"] }).Diagnostics, d => d.Id == "CBT3120");
        Assert.DoesNotContain(Gate("mediation-med01.contoso.com", new() { CrlUris = [Ldap] }).Diagnostics, d => d.Id == "CBT3120");
    }

    [Fact]
    public void Without_edge_or_reverse_proxy_an_internal_front_end_certificate_is_not_judged()
    {
        var topology = SampleInputs.Topology();
        topology.Remove("reverseProxy");
        SampleInputs.Pools(topology).Where(p => (string?)p["role"] == "Edge").ToList().ForEach(p => p.Remove());
        PlanUnderTest = Infrastructure.Plan.Run(topology, SampleInputs.Policy()).Plan;
        Assert.DoesNotContain(Gate("frontend-fe01.contoso.com", new() { CrlUris = [Ldap] }).Diagnostics, d => d.Id == "CBT3120");
    }
}
