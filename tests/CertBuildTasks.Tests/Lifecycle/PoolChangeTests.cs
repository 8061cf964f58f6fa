using CertBuildTasks.Generation;
using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Lifecycle;

/// <summary>
/// A pool changes after the deployment: a Front End joins, another leaves. The members that stay keep
/// their certificates — their plan, request and assignment change nothing — and the new member gets
/// its own certificate naming the pool and itself only.
/// </summary>
[Trait("Lane", "Build")]
public sealed class PoolChangeTests : IDisposable
{
    private readonly LifecycleDriver _estate = new();

    public void Dispose() => _estate.Dispose();

    private static JArray FrontEnds(JObject topology) => (JArray)SampleInputs.Pool(topology, "FrontEnd")["servers"]!;

    [Fact]
    public void A_new_front_end_gets_its_own_certificate_and_the_other_members_change_nothing()
    {
        _estate.DeployEverything();
        var before = _estate.Assignments();
        var fe01Inf = File.ReadAllText(_estate.Script("fe01.contoso.com", "servers/fe01.contoso.com/frontend-fe01.contoso.com.inf"));

        _estate.Change(topology: t => FrontEnds(t).Add("fe04.contoso.com"));
        _estate.Build();
        Assert.Equal(fe01Inf, File.ReadAllText(_estate.Script("fe01.contoso.com", "servers/fe01.contoso.com/frontend-fe01.contoso.com.inf")));
        foreach (var member in new[] { "fe01.contoso.com", "fe02.contoso.com", "fe03.contoso.com" })
        {
            var state = _estate.State(member);
            _estate.Run(member, $"servers/{member}/{BundlePaths.RequestScript}");
            _estate.Run(member, $"servers/{member}/{BundlePaths.AssignmentScript}");
            Assert.Equal(state, _estate.State(member));
        }

        _estate.DeployServer("fe04.contoso.com");
        var fe04 = _estate.Estate.Assigned("fe04.contoso.com", "Default");
        var certificate = _estate.Estate["fe04.contoso.com"].InMy(fe04!)!.Certificate;
        var names = CertBuildTasks.Issued.CertificateFacts.DnsNames(certificate);
        Assert.Contains("fe04.contoso.com", names);
        Assert.Contains("pool01.contoso.com", names);
        Assert.DoesNotContain("fe01.contoso.com", names);
        Assert.All(before, a => Assert.Equal(a.Value, _estate.Assignments()[a.Key]));
        _estate.AssertNoGaps();
    }

    [Fact]
    public void A_front_end_that_leaves_the_pool_changes_no_other_members_certificate()
    {
        _estate.DeployEverything();
        var before = _estate.Assignments();
        _estate.Change(topology: t => FrontEnds(t).Remove(FrontEnds(t).First(s => (string?)s == "fe03.contoso.com")));
        _estate.Estate.Decommission("fe03.contoso.com");
        _estate.Build();
        foreach (var member in new[] { "fe01.contoso.com", "fe02.contoso.com" })
        {
            var state = _estate.State(member);
            _estate.Run(member, $"servers/{member}/{BundlePaths.RequestScript}");
            _estate.Run(member, $"servers/{member}/{BundlePaths.AssignmentScript}");
            Assert.Equal(state, _estate.State(member));
        }

        Assert.All(_estate.Assignments(), a => Assert.Equal(before[a.Key], a.Value));
        _estate.AssertNoGaps();
    }

    [Fact]
    public void A_name_the_plan_gains_makes_the_recorded_certificate_stop_serving_and_a_new_one_is_requested()
    {
        _estate.DeployEverything();
        var before = _estate.Estate.Assigned("fe01.contoso.com", "Default");
        _estate.Change(topology: t =>
        {
            ((JArray)t["sipDomains"]!).Add("tailspintoys.com");
            ((JArray)t["simpleUrls"]!["meet"]!).Add(new JObject { ["domain"] = "tailspintoys.com", ["url"] = "https://meet.tailspintoys.com" });
        });
        _estate.Build();
        _estate.CheckGaps = false; // every other server lacks the new names too until its own run
        _estate.Run("fe01.contoso.com", $"servers/fe01.contoso.com/{BundlePaths.RequestScript}");
        _estate.Run("fe01.contoso.com", $"servers/fe01.contoso.com/{BundlePaths.AssignmentScript}");
        Assert.DoesNotContain(_estate.Estate.Gaps(_estate.Plan), g => g.StartsWith("fe01.contoso.com ", StringComparison.Ordinal));
        var after = _estate.Estate.Assigned("fe01.contoso.com", "Default");
        Assert.NotEqual(before, after);
        Assert.Contains("meet.tailspintoys.com", CertBuildTasks.Issued.CertificateFacts.DnsNames(_estate.Estate["fe01.contoso.com"].InMy(after!)!.Certificate));
    }
}
