using CertBuildTasks.Diagnostics;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Topology;

public class ReverseProxyMissingRuleTests
{
    [Fact]
    public void An_edge_with_external_web_services_and_no_reverse_proxy_warns_at_the_first_external_web_fqdn()
    {
        var topology = SampleInputs.Topology();
        topology.Remove("reverseProxy");
        var outcome = Validate.Run(topology);
        var d = Assert.Single(outcome.Of("CBT1119"));
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains("'edgepool.contoso.com'", d.Message, StringComparison.Ordinal);
        Assert.Contains("webext.contoso.com, dirwebext.contoso.com", d.Message, StringComparison.Ordinal);
        Assert.Equal(SampleInputs.LineOf(outcome.TopologyText, "\"webext.contoso.com\""), d.Location.Line);
    }

    [Fact]
    public void A_reverse_proxy_or_no_edge_pool_is_fine()
    {
        Assert.Empty(Validate.Run(SampleInputs.Topology()).Of("CBT1119"));
        var internalOnly = SampleInputs.Topology();
        internalOnly.Remove("reverseProxy");
        SampleInputs.Pools(internalOnly).Where(p => (string?)p["role"] == "Edge").ToList().ForEach(p => p.Remove());
        Assert.Empty(Validate.Run(internalOnly).Of("CBT1119"));
    }
}
