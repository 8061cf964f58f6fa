using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Deployed;

public sealed class OAuthCertificateDiffersRuleTests : DeployedTestBase
{
    [Fact]
    public void Two_oauth_thumbprints_are_a_CBT5005_error_naming_both_servers()
    {
        var set = HealthySet();
        EntryFor(set, "fe02.contoso.com", "OAuthTokenIssuer")["Thumbprint"] = Thumbprint("another oauth certificate");

        var d = Only(Check(set), "CBT5005");

        Assert.Contains("'fe02.contoso.com'", d.Message, StringComparison.Ordinal);
        Assert.Contains("'fe01.contoso.com'", d.Message, StringComparison.Ordinal);
    }
}
