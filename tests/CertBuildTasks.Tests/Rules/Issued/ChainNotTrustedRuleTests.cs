using System.Security.Cryptography;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Issued;

public sealed class ChainNotTrustedRuleTests : IssuedGateTestBase
{
    [Fact]
    public void A_certificate_from_another_ca_is_CBT3113()
    {
        using var other = new TestPki("Fabrikam");
        var inputs = PlanUnderTest.Certificates.Select(c => new IssuedStage.Input(TestPki.Write(Dir.File($"issued/{c.Id}.cer"), (c.Id == "frontend-fe02.contoso.com" ? other : Pki).Issue(c)), null)).ToList();
        var result = IssuedStage.Run(PlanUnderTest, inputs, Roots(), Now, false, new Dictionary<string, byte[]>());
        Only(result, "CBT3113", "frontend-fe02.contoso.com.cer");
    }
}
