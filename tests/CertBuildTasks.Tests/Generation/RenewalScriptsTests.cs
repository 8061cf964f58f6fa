using CertBuildTasks.Deployed;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Generation;
using CertBuildTasks.Planning;
using CertBuildTasks.Tests.Infrastructure;
using CertBuildTasks.Tests.Lifecycle;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Tests.Generation;

/// <summary>
/// The roll-over scripts of global/renewal/ at the edges of time: they read the current certificate
/// when they run and stage the new one at least 24 h (OAuth) or 8 h (A/V) before it ends, as late as a
/// day before that and never earlier than an hour from now; they refuse only when staging is
/// impossible, and then -AssignNow switches at once. The export script writes what the build reads.
/// </summary>
[Trait("Lane", "Build")]
public sealed class RenewalScriptsTests : IDisposable
{
    private const string Fe01 = "fe01.contoso.com";
    private const string Edge01 = "edge01.contoso.com";
    private readonly LifecycleDriver _estate = new();

    public RenewalScriptsTests() => _estate.DeployEverything();

    public void Dispose() => _estate.Dispose();

    private static string OAuthRoll => $"{RenewalScriptsGenerator.RenewalFolder}/{RenewalScriptsGenerator.OAuthRollScript}";

    private string AudioVideoRoll => $"{RenewalScriptsGenerator.AudioVideoFolder(_estate.Planned("edge-external-edgepool.contoso.com"))}/{RenewalScriptsGenerator.AudioVideoRollScript}";

    private DateTimeOffset CurrentEnd(string machine, string usage) =>
        new(_estate.Estate.Machines.Values.Select(m => m.InMy(_estate.Estate.Assigned(machine, usage)!)).First(s => s is not null)!.Certificate.NotAfter);

    [Fact]
    public void Thirty_hours_before_the_oauth_certificate_ends_it_is_still_staged_an_hour_ahead()
    {
        var end = CurrentEnd("Global", LyncUsage.OAuthTokenIssuer);
        _estate.Estate.Now = end.AddHours(-30);
        _estate.CheckGaps = false; // the other certificates are about to end as well; this test is about OAuth
        _estate.Run(Fe01, $"servers/{Fe01}/{BundlePaths.RequestScript}");
        var run = _estate.Run(Fe01, OAuthRoll);
        var roll = Assert.Single(_estate.Estate.Rolls);
        Assert.Equal(_estate.Estate.Now.AddHours(1), roll.Effective);
        Assert.True(roll.Effective <= end.AddHours(-24));
        Assert.Contains("staging OAuthTokenIssuer", string.Join("\n", run.Output), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_date_the_roll_over_takes_effect_a_day_before_the_latest_safe_moment_and_an_explicit_date_is_checked()
    {
        var end = CurrentEnd("Global", LyncUsage.OAuthTokenIssuer);
        _estate.Estate.Now = end.AddDays(-20);
        _estate.Run(Fe01, $"servers/{Fe01}/{BundlePaths.RequestScript}", new Dictionary<string, object?> { ["RenewWithinDays"] = 30 });

        var late = _estate.Runner.Run(Fe01, _estate.Script(Fe01, OAuthRoll), new Dictionary<string, object?> { ["EffectiveDate"] = end.AddHours(-12).LocalDateTime });
        Assert.False(late.Succeeded);
        Assert.Contains("at least 24 h before that", late.Error, StringComparison.Ordinal);
        Assert.Empty(_estate.Estate.Rolls);

        _estate.Run(Fe01, OAuthRoll);
        Assert.Equal(end.AddHours(-48), Assert.Single(_estate.Estate.Rolls).Effective);
    }

    [Fact]
    public void When_staging_is_impossible_the_av_roll_over_refuses_and_assign_now_switches_at_once()
    {
        var end = CurrentEnd(Edge01, LyncUsage.AudioVideoAuthentication);
        _estate.Estate.Now = end.AddHours(-5); // less than the 8 h the A/V tokens live
        _estate.CheckGaps = false;
        var chain = new Dictionary<string, object?> { ["CaChainPath"] = _estate.InternalChain() };
        _estate.Run(Edge01, $"servers/{Edge01}/{BundlePaths.RequestScript}", chain);
        foreach (var c in _estate.Plan.RequestedFrom(Edge01))
        {
            _estate.Answer(Edge01, c);
        }

        _estate.Run(Edge01, $"servers/{Edge01}/{BundlePaths.RequestScript}", new Dictionary<string, object?>(chain) { ["ResponsePath"] = _estate.Responses });
        var refused = _estate.Runner.Run(Edge01, _estate.Script(Edge01, AudioVideoRoll));
        Assert.False(refused.Succeeded);
        Assert.Contains("cannot be staged", refused.Error, StringComparison.Ordinal);
        Assert.Contains("-AssignNow", refused.Error, StringComparison.Ordinal);

        var old = _estate.Estate.Assigned(Edge01, LyncUsage.AudioVideoAuthentication);
        var now = _estate.Run(Edge01, AudioVideoRoll, new Dictionary<string, object?> { ["AssignNow"] = true });
        Assert.NotEqual(old, _estate.Estate.Assigned(Edge01, LyncUsage.AudioVideoAuthentication));
        Assert.Equal(_estate.Estate.Assigned(Edge01, LyncUsage.AudioVideoAuthentication), _estate.Estate.Assigned(Edge01, "AccessEdgeExternal")); // the same certificate's other usages too
        Assert.Contains("tokens it signed fail", string.Join("\n", now.Warnings), StringComparison.Ordinal);
        Assert.Empty(_estate.Estate.Rolls);
    }

    [Fact]
    public void The_previous_certificate_is_removed_only_after_its_tokens_have_expired()
    {
        var end = CurrentEnd("Global", LyncUsage.OAuthTokenIssuer);
        _estate.Estate.Now = end.AddDays(-10);
        _estate.Run(Fe01, $"servers/{Fe01}/{BundlePaths.RequestScript}");
        _estate.Run(Fe01, OAuthRoll);
        var remove = new Dictionary<string, object?> { ["RemovePrevious"] = true };

        var early = _estate.Runner.Run(Fe01, _estate.Script(Fe01, OAuthRoll), remove);
        Assert.False(early.Succeeded);
        Assert.Contains("takes effect", early.Error, StringComparison.Ordinal);

        _estate.Estate.Now = _estate.Estate.Rolls[0].Effective.AddHours(25);
        var tokens = _estate.Runner.Run(Fe01, _estate.Script(Fe01, OAuthRoll), remove);
        Assert.False(tokens.Succeeded); // in effect for a day, but Microsoft removes the previous one once it has expired
        Assert.Contains("may still validate tokens until", tokens.Error, StringComparison.Ordinal);

        _estate.Estate.Now = end.AddHours(1);
        _estate.CheckGaps = false; // the servers' own certificates were not renewed in this test
        _estate.Run(Fe01, OAuthRoll, remove);
        Assert.Single(_estate.Estate.GlobalAssignments[LyncUsage.OAuthTokenIssuer]);
    }

    [Fact]
    public void A_date_moved_to_now_plus_an_hour_is_named_for_the_other_edge_servers_which_stage_the_same_one()
    {
        var end = CurrentEnd(Edge01, LyncUsage.AudioVideoAuthentication);
        _estate.Estate.Now = end.AddHours(-20); // the usual date (end - 32 h) has passed
        _estate.CheckGaps = false;
        var chain = new Dictionary<string, object?> { ["CaChainPath"] = _estate.InternalChain() };
        _estate.Run(Edge01, $"servers/{Edge01}/{BundlePaths.RequestScript}", chain);
        foreach (var c in _estate.Plan.RequestedFrom(Edge01))
        {
            _estate.Answer(Edge01, c);
        }

        _estate.Run(Edge01, $"servers/{Edge01}/{BundlePaths.RequestScript}", new Dictionary<string, object?>(chain) { ["ResponsePath"] = _estate.Responses });
        _estate.Run(Edge01, $"{GlobalScriptsGenerator.EdgeFolder("edgepool.contoso.com")}/{GlobalScriptsGenerator.EdgeExportScript}",
            new Dictionary<string, object?> { ["OutputPath"] = _estate.Transfer, ["PfxPassword"] = LifecycleDriver.Secure(LifecycleDriver.PfxPassword) });
        var first = _estate.Run(Edge01, $"servers/{Edge01}/{BundlePaths.AssignmentScript}", chain);
        var told = Assert.Single(first.Warnings, w => w.Contains("-EffectiveDate", StringComparison.Ordinal));
        var date = DateTime.Parse(told.Split('\'')[^2], System.Globalization.CultureInfo.InvariantCulture);

        // Half an hour later the second Edge server: with the date it was told, the same moment.
        _estate.Estate.Now = _estate.Estate.Now.AddMinutes(30);
        const string Edge02 = "edge02.contoso.com";
        var set = new Dictionary<string, object?>(chain) { ["PfxPath"] = _estate.Transfer, ["PfxPassword"] = LifecycleDriver.Secure(LifecycleDriver.PfxPassword) };
        _estate.Run(Edge02, $"servers/{Edge02}/{BundlePaths.AssignmentScript}", set); // stages it an hour from its own now
        _estate.Run(Edge02, AudioVideoRoll, new Dictionary<string, object?> { ["EffectiveDate"] = date }); // and moves it to the date edge01 named
        var staged = _estate.Estate.Rolls.GroupBy(r => r.Scope).Select(g => g.Last().Effective).Distinct().ToList();
        Assert.Single(staged);
        Assert.True(staged[0] <= end.AddHours(-8));
    }

    [Fact]
    public void The_export_script_writes_what_the_deployed_reader_reads()
    {
        var files = _estate.ExportDeployed();
        Assert.Equal(_estate.Estate.Machines.Values.Count(m => m.Assignments.Count > 0), files.Count);
        var (deployed, diagnostics) = DeployedStage.Run(_estate.Plan, _estate.Plan.Policy, [.. files.Select(f => new DeployedStage.Input(f, null, null))], _estate.Estate.Now);
        Assert.DoesNotContain(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        foreach (var d in deployed)
        {
            Assert.All(d.Usages, usage => Assert.Equal(_estate.Estate.Assigned(usage == LyncUsage.OAuthTokenIssuer ? "Global" : d.Server, usage), d.Thumbprint));
        }

        // Every local assignment, and the global OAuth certificate as each Front End lists it.
        Assert.Equal(_estate.Assignments().Count(a => !a.Key.StartsWith("Global", StringComparison.Ordinal)) + 3, deployed.Sum(d => d.Usages.Length));
    }
}
