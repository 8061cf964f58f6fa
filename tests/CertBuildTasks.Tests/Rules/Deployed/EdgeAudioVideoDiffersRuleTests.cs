using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Deployed;

public sealed class EdgeAudioVideoDiffersRuleTests : DeployedTestBase
{
    [Fact]
    public void Edge_members_with_different_av_certificates_are_a_CBT5006_error()
    {
        var set = HealthySet();
        EntryFor(set, "edge02.contoso.com", "AudioVideoAuthentication")["Thumbprint"] = Thumbprint("edge02 requested its own");

        var d = Only(Check(set), "CBT5006");

        Assert.Contains("'edge02.contoso.com'", d.Message, StringComparison.Ordinal);
        Assert.Contains("edgepool.contoso.com", d.Message, StringComparison.Ordinal);
    }
}
