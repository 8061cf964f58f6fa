using CertBuildTasks.Planning;

namespace CertBuildTasks.Tests.Lifecycle;

/// <summary>
/// The renewal was forgotten: every certificate has ended. The same runbook replaces them; the token
/// certificates are assigned at once (nothing valid is left to keep), never staged behind a dead one.
/// </summary>
[Trait("Lane", "Build")]
public sealed class ExpiredCertificateTests : IDisposable
{
    private readonly LifecycleDriver _estate = new();

    public void Dispose() => _estate.Dispose();

    [Fact]
    public void Certificates_that_already_ended_are_replaced_and_assigned_at_once()
    {
        _estate.DeployEverything();
        var first = _estate.Assignments();
        _estate.Estate.Now = _estate.EarliestEnd().AddDays(2);
        Assert.NotEmpty(_estate.Estate.Gaps(_estate.Plan)); // the outage the product exists to prevent
        _estate.CheckGaps = false; // the estate is down until the last step of the runbook

        _estate.Build(_estate.ExportDeployed());
        Assert.Contains(_estate.Deployed, d => d.NotAfter < _estate.Estate.Now); // CBT5001 in the build
        _estate.DeployEverything();

        Assert.Empty(_estate.Estate.Rolls);
        Assert.All(_estate.Assignments(), a => Assert.NotEqual(first[a.Key], a.Value));
        _estate.AssertNoGaps();
    }
}
