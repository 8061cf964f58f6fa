using System.Security.Cryptography;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Issued;

public sealed class WeakKeyRuleTests : IssuedGateTestBase
{
    [Fact]
    public void A_1024_bit_key_is_CBT3102() =>
        Assert.Contains("1024-bit", Only(Gate("director-dir01.contoso.com", new() { KeySize = 1024 }), "CBT3102", "director-dir01.contoso.com.cer").Message, StringComparison.Ordinal);
}
