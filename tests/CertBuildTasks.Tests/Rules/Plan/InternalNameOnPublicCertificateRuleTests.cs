using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Plan;

public class InternalNameOnPublicCertificateRuleTests
{
    [Fact]
    public void Sample_public_certificates_have_public_names() => Assert.Empty(SamplePlan.Run().Of("CBT2107"));

    [Fact]
    public void A_dot_local_web_conferencing_fqdn_on_the_public_edge_certificate_is_reported()
    {
        var plan = SamplePlan.Run(t => SampleInputs.Pool(t, "Edge")["edge"]!["webConferencingFqdn"] = "webconf.contoso.local");
        var d = Assert.Single(plan.Of("CBT2107"));
        Assert.Contains("webconf.contoso.local", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_internal_name_on_an_internal_ca_certificate_is_fine()
    {
        var plan = SamplePlan.Run(policy: p => p["certificates"] = new JObject { ["frontEnd"] = new JObject { ["additionalNames"] = new JArray("pool01.contoso.local") } });
        Assert.Empty(plan.Of("CBT2107"));
    }
}
