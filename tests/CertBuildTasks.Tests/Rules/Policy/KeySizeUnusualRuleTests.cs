using CertBuildTasks.Diagnostics;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Policy;

public class KeySizeUnusualRuleTests
{
    [Theory]
    [InlineData(2048)]
    [InlineData(4096)]
    public void Documented_sizes_pass(int size)
    {
        var policy = SampleInputs.Policy();
        policy["keySize"] = size;
        Assert.Empty(Validate.Run(SampleInputs.Topology(), policy).Of("CBT2002"));
    }

    [Fact]
    public void A_3072_bit_key_is_a_warning_not_an_error()
    {
        var policy = SampleInputs.Policy();
        policy["keySize"] = 3072;
        var outcome = Validate.Run(SampleInputs.Topology(), policy);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(outcome.Of("CBT2002")).Severity);
        Assert.Empty(outcome.Of("CBT2001"));
    }
}
