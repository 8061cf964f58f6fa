using System.Security.Cryptography;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Issued;

public sealed class UnplannedWildcardRuleTests : IssuedGateTestBase
{
    [Fact]
    public void An_unplanned_wildcard_is_CBT3106()
    {
        var edge = Planned("edge-external-edgepool.contoso.com");
        Only(Gate(edge.Id, new() { DnsNames = [.. edge.SanNames, "*.contoso.com"] }), "CBT3106", "edge-external-edgepool.contoso.com.cer");
    }
}
