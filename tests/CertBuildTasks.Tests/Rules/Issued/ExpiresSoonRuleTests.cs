using System.Security.Cryptography;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Issued;

public sealed class ExpiresSoonRuleTests : IssuedGateTestBase
{
    [Fact]
    public void Expiry_within_the_policy_window_is_a_CBT3112_warning_with_the_date()
    {
        var d = Only(Gate("oauth-contoso.com", new() { NotAfter = Now.AddDays(10) }), "CBT3112", "oauth-contoso.com.cer");
        Assert.Contains("30-day", d.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
    }
}
