using System.Security.Cryptography;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Issued;

public sealed class ClientAuthenticationMissingRuleTests : IssuedGateTestBase
{
    [Fact]
    public void Client_authentication_missing_where_public_im_needs_it_is_CBT3108()
    {
        var policy = SampleInputs.Policy();
        policy["publicImConnectivity"] = true;
        PlanUnderTest = Generate.Run(policy).Plan;
        Only(Gate("edge-external-edgepool.contoso.com", new() { Ekus = [EnhancedKeyUsageOids.ServerAuthentication] }), "CBT3108", "edge-external-edgepool.contoso.com.cer");
    }
}
