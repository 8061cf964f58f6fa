using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Generation;

public class CmdletKeySizeRuleTests
{
    [Fact]
    public void Sizes_the_cmdlet_accepts_pass() => Assert.Empty(Generate.Run(SampleInputs.Policy()).Of("CBT4006"));

    [Fact]
    public void A_3072_bit_key_for_cmdlet_requests_is_an_error_once_per_kind()
    {
        var policy = SampleInputs.Policy();
        policy["keySize"] = 3072;
        var outcome = Generate.Run(policy);
        var kinds = outcome.Of("CBT4006").Select(d => d.Message.Split(' ')[1]).ToList();
        Assert.Equal(["oAuthTokenIssuer", "frontEnd", "director", "mediation"], kinds);
        Assert.Empty(outcome.Files);
    }

    [Fact]
    public void A_3072_bit_key_is_fine_for_certreq_requests()
    {
        var policy = SampleInputs.Policy();
        policy["certificates"] = new JObject { ["mediation"] = new JObject { ["keySize"] = 3072, ["requestMode"] = "certreq" } };
        Assert.Empty(Generate.Run(policy).Of("CBT4006"));
    }
}
