using System.Security.Cryptography;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Issued;

public sealed class ServerAuthenticationMissingRuleTests : IssuedGateTestBase
{
    [Fact]
    public void No_eku_is_CBT3107() =>
        Assert.Contains("no Enhanced Key Usage", Only(Gate("oauth-contoso.com", new() { Ekus = [] }), "CBT3107", "oauth-contoso.com.cer").Message, StringComparison.Ordinal);

    [Fact]
    public void Client_authentication_only_is_CBT3107() =>
        Only(Gate("frontend-fe01.contoso.com", new() { Ekus = [EnhancedKeyUsageOids.ClientAuthentication] }), "CBT3107", "frontend-fe01.contoso.com.cer");
}
