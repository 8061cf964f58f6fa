using System.Security.Cryptography;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Tests.Rules.Issued;

public sealed class WeakSignatureRuleTests : IssuedGateTestBase
{
    [Fact]
    public void Sha1_and_sha224_signatures_from_an_openssl_ca_are_CBT3101_and_sha256_from_openssl_passes()
    {
        foreach (var (digest, expected) in new[] { ("sha256", (string?)null), ("sha1", "CBT3101"), ("sha224", "CBT3101") })
        {
            var inputs = PlanUnderTest.Certificates
                .Select(c => new IssuedStage.Input(
                    c.Id == "frontend-fe02.contoso.com"
                        ? Pki.IssueWithOpenSsl(c, digest, Dir.File("openssl-" + digest))
                        : TestPki.Write(Dir.File($"issued/{c.Id}.cer"), Pki.Issue(c)),
                    null))
                .ToList();
            var result = IssuedStage.Run(PlanUnderTest, inputs, Roots(), Now, false, new Dictionary<string, byte[]>());
            if (expected is null)
            {
                Assert.Empty(Problems(result));
            }
            else
            {
                Assert.Contains(digest == "sha1" ? "SHA-1" : "SHA-224 (Windows cannot verify it)", Only(result, expected, "frontend-fe02.contoso.com.cer").Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void An_rsassa_pss_signature_is_CBT3101() =>
        Assert.Contains("RSASSA-PSS", Only(Gate("mediation-med01.contoso.com", new() { Pss = true }), "CBT3101", "mediation-med01.contoso.com.cer").Message, StringComparison.Ordinal);
}
