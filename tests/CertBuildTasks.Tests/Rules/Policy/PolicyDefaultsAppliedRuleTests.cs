using CertBuildTasks.Diagnostics;
using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Policy;

public class PolicyDefaultsAppliedRuleTests
{
    [Fact]
    public void A_policy_that_sets_everything_reports_no_defaults() =>
        Assert.Empty(Validate.Run(SampleInputs.Topology(), SampleInputs.Policy()).Of("CBT2000"));

    [Fact]
    public void Omitted_settings_are_reported_as_info_with_their_values()
    {
        var policy = SampleInputs.Policy();
        policy.Remove("keySize");
        policy.Remove("hashAlgorithm");
        var d = Assert.Single(Validate.Run(SampleInputs.Topology(), policy).Of("CBT2000"));
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.Contains("keySize = 2048", d.Message, StringComparison.Ordinal);
        Assert.Contains("hashAlgorithm = SHA256", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("keyAlgorithm", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_policy_file_the_built_in_defaults_are_reported()
    {
        var d = Assert.Single(Validate.Run(SampleInputs.Topology(), policy: null).Of("CBT2000"));
        Assert.Contains("No CertPolicy item", d.Message, StringComparison.Ordinal);
        Assert.True(d.Location.IsNone);
        Assert.DoesNotContain(Validate.Run(SampleInputs.Topology(), new JObject()).Diagnostics, x => x.Severity >= DiagnosticSeverity.Warning);
    }
}
