using System.Security.Cryptography;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Issued;

public sealed class ExtraSansRuleTests : IssuedGateTestBase
{
    [Fact]
    public void An_extra_san_is_only_information()
    {
        var fe = Planned("frontend-fe03.contoso.com");
        var result = Gate(fe.Id, new() { DnsNames = [.. fe.SanNames, "sip.contoso.com"] });
        Assert.Empty(Problems(result));
        Assert.Contains(result.Diagnostics, d => d.Id == "CBT3105" && d.Message.Contains("sip.contoso.com", StringComparison.Ordinal));
    }
}
