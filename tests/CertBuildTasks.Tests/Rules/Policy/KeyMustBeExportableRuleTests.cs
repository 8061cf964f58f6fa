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
    public void A_non_exportable_shared_key_is_an_error(string kind)
    {
        var policy = SampleInputs.Policy();
        policy["certificates"] = new JObject { [kind] = new JObject { ["exportable"] = false } };
        var outcome = Validate.Run(SampleInputs.Topology(), policy);
        var d = Assert.Single(outcome.Of("CBT2006"));
        Assert.Contains(kind, d.Message, StringComparison.Ordinal);
        Assert.Equal(SampleInputs.LineOf(outcome.PolicyText, "\"exportable\""), d.Location.Line);
    }
}
