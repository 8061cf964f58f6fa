using System.Security.Cryptography;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Issued;

public sealed class NotTimeValidRuleTests : IssuedGateTestBase
{
    [Fact]
    public void Expired_and_not_yet_valid_are_CBT3111_with_absolute_dates()
    {
        var expired = Only(Gate("reverseproxy-rp01", new() { NotBefore = Now.AddYears(-2), NotAfter = Now.AddDays(-3) }), "CBT3111", "reverseproxy-rp01.cer");
        Assert.Matches(@"expired on \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC", expired.Message);
        Assert.Contains("not valid before", Only(Gate("reverseproxy-rp01", new() { NotBefore = Now.AddDays(5), NotAfter = Now.AddYears(1) }), "CBT3111", "reverseproxy-rp01.cer").Message, StringComparison.Ordinal);
    }
}
