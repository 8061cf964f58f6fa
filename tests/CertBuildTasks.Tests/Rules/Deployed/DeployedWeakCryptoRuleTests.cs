using CertBuildTasks.Deployed;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Tests.Rules.Deployed;

public sealed class DeployedWeakCryptoRuleTests : DeployedTestBase
{
    [Fact]
    public void A_sha1_certificate_made_by_openssl_and_a_1024_bit_one_in_service_each_give_CBT5007()
    {
        using var pki = new TestPki();
        var fe01 = Plan.Certificates.First(c => c.Servers.Contains("fe01.contoso.com"));
        var fe02 = Plan.Certificates.First(c => c.Servers.Contains("fe02.contoso.com"));
        var sha1 = pki.IssueWithOpenSsl(fe01, "sha1", Dir.File("openssl"));
        var small = TestPki.Write(Dir.File("fe02.cer"), pki.Issue(fe02, new TestPki.Options { KeySize = 1024 }));

        var (_, diagnostics) = DeployedStage.Run(
            Plan,
            PolicyJsonReader.Read(SampleInputs.Policy(), string.Empty),
            [
                new DeployedStage.Input(sha1, "fe01.contoso.com", string.Join(",", fe01.Usages)),
                new DeployedStage.Input(small, "fe02.contoso.com", string.Join(",", fe02.Usages)),
            ],
            DateTimeOffset.UtcNow);

        var weak = diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.Equal(["CBT5007", "CBT5007"], weak.Select(d => d.Id));
        Assert.Contains(weak, d => d.Message.Contains("1024-bit key", StringComparison.Ordinal));
        Assert.Contains(weak, d => d.Message.Contains("1.2.840.113549.1.1.5", StringComparison.Ordinal));
    }

    [Fact]
    public void An_export_that_carries_key_size_and_signature_is_checked_and_one_that_does_not_is_not()
    {
        var set = HealthySet();
        EntryFor(set, "fe01.contoso.com", "Default")["SignatureAlgorithm"] = "sha1RSA";
        EntryFor(set, "fe02.contoso.com", "Default")["KeySize"] = 4096;

        var d = Only(Check(set), "CBT5007");

        Assert.Contains("sha1RSA", d.Message, StringComparison.Ordinal);
        Assert.Contains("fe01.contoso.com", d.Message, StringComparison.Ordinal);
    }
}
