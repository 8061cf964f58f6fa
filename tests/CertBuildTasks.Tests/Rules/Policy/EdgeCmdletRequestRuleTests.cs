using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Policy;

public class EdgeCmdletRequestRuleTests
{
    [Fact]
    public void Edge_certificates_default_to_certreq_or_offline() => Assert.Empty(Validate.Run(SampleInputs.Topology(), SampleInputs.Policy()).Of("CBT2008"));

    [Fact]
    public void An_edge_internal_cmdlet_request_is_an_error()
    {
        var policy = SampleInputs.Policy();
        policy["certificates"] = new JObject { ["edgeInternal"] = new JObject { ["requestMode"] = "cmdlet" } };
        Assert.Contains("edgeInternal", Assert.Single(Validate.Run(SampleInputs.Topology(), policy).Of("CBT2008")).Message, StringComparison.Ordinal);
    }
}
