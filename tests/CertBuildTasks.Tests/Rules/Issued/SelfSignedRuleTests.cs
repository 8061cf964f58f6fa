using System.Security.Cryptography;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Issued;

public sealed class SelfSignedRuleTests : IssuedGateTestBase
{
    [Fact]
    public void A_self_signed_certificate_is_CBT3117() =>
        Only(Gate("mediation-med01.contoso.com", new() { SelfSigned = true }), "CBT3117", "mediation-med01.contoso.com.cer");
}
