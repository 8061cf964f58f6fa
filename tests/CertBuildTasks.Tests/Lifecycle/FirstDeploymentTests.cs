using CertBuildTasks.Planning;

namespace CertBuildTasks.Tests.Lifecycle;

/// <summary>The Contoso sample deployed from nothing by its runbook, every step also with -WhatIf and twice.</summary>
[Trait("Lane", "Build")]
public sealed class FirstDeploymentTests : IDisposable
{
    private readonly LifecycleDriver _estate = new();

    public void Dispose() => _estate.Dispose();

    [Fact]
    public void The_runbook_deploys_every_planned_certificate_to_every_usage()
    {
        _estate.DeployEverything();
        foreach (var c in _estate.Plan.Certificates.Where(c => !c.Usages.IsEmpty && !c.Usages.Contains(LyncUsage.OAuthTokenIssuer)))
        {
            foreach (var server in c.Servers)
            {
                foreach (var usage in c.Usages)
                {
                    Assert.NotNull(_estate.Estate.Assigned(server, usage));
                }
            }
        }

        Assert.NotNull(_estate.Estate.Assigned("Global", LyncUsage.OAuthTokenIssuer));
        _estate.AssertNoGaps();
    }
}
