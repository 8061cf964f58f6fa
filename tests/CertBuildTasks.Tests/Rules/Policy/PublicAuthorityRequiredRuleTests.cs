using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Policy;

public class PublicAuthorityRequiredRuleTests
{
    [Fact]
    public void External_certificates_default_to_a_public_ca() => Assert.Empty(Validate.Run(SampleInputs.Topology(), SampleInputs.Policy()).Of("CBT2011"));

    [Theory]
    [InlineData("edgeExternal")]
    [InlineData("reverseProxy")]
    public void An_internal_ca_for_an_external_certificate_is_an_error(string kind)
    {
        var policy = SampleInputs.Policy();
        policy["certificates"] = new JObject { [kind] = new JObject { ["authority"] = "internal", ["requestMode"] = "certreq" } };
        var outcome = Validate.Run(SampleInputs.Topology(), policy);
        var d = Assert.Single(outcome.Of("CBT2011"));
        Assert.Equal(SampleInputs.LineOf(outcome.PolicyText, "\"authority\""), d.Location.Line);
    }
}
