using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Policy;

public class CertreqWithoutCaConfigRuleTests
{
    [Fact]
    public void Without_a_ca_config_the_edge_internal_default_becomes_offline()
    {
        var policy = SampleInputs.Policy();
        ((JObject)policy["certificateAuthorities"]!["internal"]!).Remove("config");
        var outcome = Validate.Run(SampleInputs.Topology(), policy);
        Assert.Empty(outcome.Of("CBT2009"));
        Assert.Equal(RequestMode.Offline, outcome.Result.Policy!.For(CertificateKind.EdgeInternal).RequestMode.Value);
    }

    [Fact]
    public void An_explicit_certreq_request_without_ca_config_is_an_error()
    {
        var policy = SampleInputs.Policy();
        ((JObject)policy["certificateAuthorities"]!["internal"]!).Remove("config");
        policy["certificates"] = new JObject { ["frontEnd"] = new JObject { ["requestMode"] = "certreq" } };
        var outcome = Validate.Run(SampleInputs.Topology(), policy);
        var d = Assert.Single(outcome.Of("CBT2009"));
        Assert.Equal(SampleInputs.LineOf(outcome.PolicyText, "\"requestMode\""), d.Location.Line);
    }
}
