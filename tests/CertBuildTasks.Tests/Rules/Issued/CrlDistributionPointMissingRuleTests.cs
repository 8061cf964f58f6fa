using System.Security.Cryptography;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Issued;

public sealed class CrlDistributionPointMissingRuleTests : IssuedGateTestBase
{
    [Fact]
    public void No_crl_distribution_point_is_CBT3110() =>
        Only(Gate("edge-internal-edgepool.contoso.com", new() { CrlDistributionPoint = false }), "CBT3110", "edge-internal-edgepool.contoso.com.cer");
}
