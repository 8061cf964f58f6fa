using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Policy;

public class PublicCaOnlineRequestRuleTests
{
    [Fact]
    public void Public_certificates_default_to_offline() => Assert.Empty(Validate.Run(SampleInputs.Topology(), SampleInputs.Policy()).Of("CBT2007"));

    [Fact]
    public void A_public_reverse_proxy_certificate_requested_with_certreq_is_an_error()
    {
        var policy = SampleInputs.Policy();
        policy["certificates"] = new JObject { ["reverseProxy"] = new JObject { ["requestMode"] = "certreq" } };
        var outcome = Validate.Run(SampleInputs.Topology(), policy);
        var d = Assert.Single(outcome.Of("CBT2007"));
        Assert.Equal(SampleInputs.LineOf(outcome.PolicyText, "\"requestMode\""), d.Location.Line);
    }
}
