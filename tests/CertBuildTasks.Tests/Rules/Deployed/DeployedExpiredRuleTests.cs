using CertBuildTasks.Diagnostics;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Deployed;

public sealed class DeployedExpiredRuleTests : DeployedTestBase
{
    [Fact]
    public void A_healthy_deployed_set_gives_no_diagnostic()
    {
        Assert.DoesNotContain(Check(HealthySet()), d => d.Severity >= DiagnosticSeverity.Info && d.Id.StartsWith("CBT5", StringComparison.Ordinal));
    }

    [Fact]
    public void An_expired_certificate_is_a_CBT5001_error_with_its_date_and_usages()
    {
        var set = HealthySet();
        EntryFor(set, "fe02.contoso.com", "Default")["NotAfter"] = "/Date(" + Now.AddDays(-2).ToUnixTimeMilliseconds() + ")/";

        var d = Only(Check(set), "CBT5001");

        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Contains("fe02.contoso.com", d.Message, StringComparison.Ordinal);
        Assert.Contains(Now.AddDays(-2).UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.Message, StringComparison.Ordinal);
        Assert.Contains("Default", d.Message, StringComparison.Ordinal);
    }
}
