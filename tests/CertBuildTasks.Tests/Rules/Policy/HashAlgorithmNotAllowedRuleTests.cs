using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Policy;

public class HashAlgorithmNotAllowedRuleTests
{
    [Theory]
    [InlineData("SHA256")]
    [InlineData("sha-384")]
    [InlineData("Sha512")]
    public void Sha2_digests_pass(string hash)
    {
        var policy = SampleInputs.Policy();
        policy["hashAlgorithm"] = hash;
        Assert.Empty(Validate.Run(SampleInputs.Topology(), policy).Of("CBT2003"));
    }

    [Theory]
    [InlineData("sha1")]
    [InlineData("MD5")]
    [InlineData("SHA224")]
    public void Other_digests_are_errors(string hash)
    {
        var policy = SampleInputs.Policy();
        policy["hashAlgorithm"] = hash;
        var outcome = Validate.Run(SampleInputs.Topology(), policy);
        var d = Assert.Single(outcome.Of("CBT2003"));
        Assert.Equal(SampleInputs.LineOf(outcome.PolicyText, "\"hashAlgorithm\""), d.Location.Line);
    }
}
