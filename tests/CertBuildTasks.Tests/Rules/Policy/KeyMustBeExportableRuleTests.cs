using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Policy;

public class KeyMustBeExportableRuleTests
{
    [Fact]
    public void Default_exportability_passes() => Assert.Empty(Validate.Run(SampleInputs.Topology(), SampleInputs.Policy()).Of("CBT2006"));

    [Theory]
    [InlineData("edgeExternal")]
    [InlineData("oAuthTokenIssuer")]
    [InlineData("reverseProxy")]
    [InlineData("edgeInternal")]
    public void A_non_exportable_shared_key_is_an_error(string kind)
    {
        var policy = SampleInputs.Policy();
        policy["certificates"] = new JObject { [kind] = new JObject { ["exportable"] = false } };
        var outcome = Validate.Run(SampleInputs.Topology(), policy);
        var d = Assert.Single(outcome.Of("CBT2006"));
        Assert.Contains(kind, d.Message, StringComparison.Ordinal);
        Assert.Equal(SampleInputs.LineOf(outcome.PolicyText, "\"exportable\""), d.Location.Line);
    }

    [Fact]
    public void A_non_exportable_edge_internal_key_is_fine_for_a_single_edge()
    {
        var topology = SampleInputs.Topology();
        SampleInputs.Pool(topology, "Edge")["servers"] = new JArray("edge01.contoso.com");
        var policy = SampleInputs.Policy();
        policy["certificates"] = new JObject { ["edgeInternal"] = new JObject { ["exportable"] = false } };
        Assert.Empty(Validate.Run(topology, policy).Of("CBT2006"));
    }
}
