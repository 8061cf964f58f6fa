using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Topology;

public class StandardEditionServerMismatchRuleTests
{
    private static JObject WithStandardEdition(params string[] servers)
    {
        var topology = SampleInputs.Topology();
        SampleInputs.Pools(topology).Add(new JObject { ["fqdn"] = "se01.contoso.com", ["role"] = "StandardEdition", ["servers"] = new JArray(servers) });
        return topology;
    }

    [Fact]
    public void The_server_named_like_the_pool_is_fine() => Assert.Empty(Validate.Run(WithStandardEdition("se01.contoso.com")).Of("CBT1117"));

    [Fact]
    public void A_differently_named_server_is_reported() =>
        Assert.Contains("se02.contoso.com", Assert.Single(Validate.Run(WithStandardEdition("se02.contoso.com")).Of("CBT1117")).Message, StringComparison.Ordinal);

    [Fact]
    public void Two_servers_are_reported() =>
        Assert.Contains("exactly one", Assert.Single(Validate.Run(WithStandardEdition("se01.contoso.com", "se01b.contoso.com")).Of("CBT1117")).Message, StringComparison.Ordinal);
}
