using CertBuildTasks.Deployed;
using CertBuildTasks.Generation;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Generation;

/// <summary>
/// The staged roll-over scripts of global/renewal/, generated from a deployed set and run against the
/// strict cmdlet stand-ins with a fixed clock: Set-CsCertificate -Roll at an effective date at least 24 h
/// (OAuth) or 8 h (A/V) before the current certificate ends (plus a day's margin), then
/// Remove-CsCertificate -Previous once the current certificate has expired.
/// </summary>
public sealed class RenewalScriptsTests : IDisposable
{
    private static readonly DateTime OAuthNotAfter = new(2027, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime AudioVideoNotAfter = new(2027, 4, 1, 6, 30, 0, DateTimeKind.Utc);
    private readonly TempDirectory _dir = new();
    private readonly IReadOnlyList<GeneratedFile> _files;

    public RenewalScriptsTests()
    {
        var plan = Plan.Run(SampleInputs.Topology(), SampleInputs.Policy()).Plan;
        DeployedCertificate Deployed(string server, string usage, string thumbprint, DateTime notAfter) =>
            new(server, [usage], thumbprint, "x", [], new DateTimeOffset(notAfter), default, server);
        var options = GenerationOptions.None with
        {
            Deployed =
            [
                Deployed("fe01.contoso.com", "OAuthTokenIssuer", "0A0A", OAuthNotAfter),
                Deployed("fe02.contoso.com", "OAuthTokenIssuer", "0A0A", OAuthNotAfter),
                Deployed("edge01.contoso.com", "AudioVideoAuthentication", "AVAV", AudioVideoNotAfter),
                Deployed("edge02.contoso.com", "AudioVideoAuthentication", "AVAV", AudioVideoNotAfter.AddDays(30)),
            ],
        };
        _files = GenerationStage.Run(plan, Generate.Version, options).Files;
        foreach (var file in _files.Where(f => f.RelativePath.StartsWith("global/", StringComparison.Ordinal)))
        {
            var path = _dir.File(file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Content);
        }
    }

    public void Dispose() => _dir.Dispose();

    private string OAuthScript => _dir.File("global/renewal/Roll-OAuthCertificate.ps1");

    private string AudioVideoScript => _dir.File("global/renewal/edge-edgepool.contoso.com/Roll-AudioVideoCertificate.ps1");

    [Fact]
    public void Roll_over_scripts_exist_only_for_what_is_deployed_and_parse_for_powershell_3()
    {
        Assert.Equal(
            ["global/renewal/Roll-OAuthCertificate.ps1", "global/renewal/edge-edgepool.contoso.com/Roll-AudioVideoCertificate.ps1"],
            _files.Select(f => f.RelativePath).Where(p => p.StartsWith("global/renewal/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        foreach (var path in new[] { OAuthScript, AudioVideoScript })
        {
            var ast = PowerShellRunner.Parse(path, out var errors);
            Assert.Empty(errors);
            Assert.Empty(PowerShellRunner.PowerShell6Syntax(ast));
        }

        Assert.DoesNotContain(GenerationStage.Run(Plan.Run(SampleInputs.Topology(), SampleInputs.Policy()).Plan, Generate.Version).Files, f => f.RelativePath.Contains("/renewal/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_oauth_roll_over_is_effective_at_least_24_hours_before_expiry_and_the_previous_is_removed_after_it_ends()
    {
        using var ps = new PowerShellRunner("fe01.contoso.com");
        ps.SetClock(OAuthNotAfter.AddDays(-20));

        var roll = ps.Run(OAuthScript, new Dictionary<string, object?> { ["Thumbprint"] = "bbbb" });

        var set = Assert.Single(roll, c => c.Command == "Set-CsCertificate");
        Assert.Equal(("Global", "BBBB", true), ((string?)set["Identity"], (string?)set["Thumbprint"], set.Parameters.ContainsKey("Roll")));
        Assert.Equal(["OAuthTokenIssuer"], set.Strings("Type"));
        var effective = ((DateTime)set["EffectiveDate"]!).ToUniversalTime();
        Assert.True(OAuthNotAfter - effective >= TimeSpan.FromHours(24), $"effective {effective:o}");
        Assert.Equal(OAuthNotAfter.AddHours(-48), effective); // 24 h token lifetime + 24 h margin

        // After the effective date the old certificate still validates tokens until it ends: refused.
        ps.SetClock(effective.AddHours(1));
        var early = Assert.Throws<InvalidOperationException>(() => ps.Run(OAuthScript, new Dictionary<string, object?> { ["RemovePrevious"] = true }));
        Assert.Contains("still validates tokens", early.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ps.Calls(), c => c.Command == "Remove-CsCertificate");

        ps.SetClock(OAuthNotAfter.AddMinutes(1));
        Assert.DoesNotContain(ps.Run(OAuthScript, new Dictionary<string, object?> { ["RemovePrevious"] = true, ["WhatIf"] = true }), c => PowerShellRunner.StateChanging.Contains(c.Command));
        var remove = Assert.Single(ps.Run(OAuthScript, new Dictionary<string, object?> { ["RemovePrevious"] = true }), c => c.Command == "Remove-CsCertificate");
        Assert.Equal(("Global", true), ((string?)remove["Identity"], remove.Parameters.ContainsKey("Previous")));
        Assert.Equal(["OAuthTokenIssuer"], remove.Strings("Type"));
    }

    [Fact]
    public void The_av_roll_over_uses_the_earliest_member_expiry_minus_8_hours_and_assigns_the_edge_usages_of_the_same_certificate()
    {
        using var ps = new PowerShellRunner("edge01.contoso.com");
        ps.SetClock(AudioVideoNotAfter.AddDays(-3));

        var calls = ps.Run(AudioVideoScript, new Dictionary<string, object?> { ["Thumbprint"] = "cc cc" }).Where(c => c.Command == "Set-CsCertificate").ToList();
        Assert.Equal(2, calls.Count);
        var roll = calls[0];
        Assert.Equal((null, "CCCC", true), ((string?)roll["Identity"], (string?)roll["Thumbprint"], roll.Parameters.ContainsKey("Roll")));
        Assert.Equal(["AudioVideoAuthentication"], roll.Strings("Type"));
        Assert.Equal(AudioVideoNotAfter.AddHours(-8 - 24), ((DateTime)roll["EffectiveDate"]!).ToUniversalTime());
        Assert.Equal(["AccessEdgeExternal", "DataEdgeExternal"], calls[1].Strings("Type"));
        Assert.False(calls[1].Parameters.ContainsKey("Roll"));

        Assert.DoesNotContain(ps.Run(AudioVideoScript, new Dictionary<string, object?> { ["Thumbprint"] = "CCCC" }), c => PowerShellRunner.StateChanging.Contains(c.Command));
    }

    [Fact]
    public void WhatIf_changes_nothing_and_a_late_roll_over_is_refused()
    {
        using var ps = new PowerShellRunner("fe01.contoso.com");
        ps.SetClock(OAuthNotAfter.AddDays(-20));
        Assert.DoesNotContain(ps.Run(OAuthScript, new Dictionary<string, object?> { ["Thumbprint"] = "DDDD", ["WhatIf"] = true }), c => PowerShellRunner.StateChanging.Contains(c.Command));
        Assert.Empty(ps.Assigned());

        var same = Assert.Throws<InvalidOperationException>(() => ps.Run(OAuthScript, new Dictionary<string, object?> { ["Thumbprint"] = "0a0a" }));
        Assert.Contains("is the current one", same.Message, StringComparison.Ordinal);

        ps.SetClock(OAuthNotAfter.AddHours(-30));
        var late = Assert.Throws<InvalidOperationException>(() => ps.Run(OAuthScript, new Dictionary<string, object?> { ["Thumbprint"] = "DDDD" }));
        Assert.Contains("Too late", late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_export_script_writes_what_the_deployed_reader_reads()
    {
        using var ps = new PowerShellRunner("fe01.contoso.com");
        ps.Assign("Default", "ABCD000000000000000000000000000000000000");
        ps.Assign("OAuthTokenIssuer", "0A0A000000000000000000000000000000000000");
        var output = _dir.File("exported");
        Directory.CreateDirectory(output);

        ps.Run(_dir.File("global/Export-DeployedCertificates.ps1"), new Dictionary<string, object?> { ["OutputPath"] = output });

        var bag = new CertBuildTasks.Diagnostics.DiagnosticBag();
        var read = DeployedCertificateReader.Read(Path.Combine(output, "fe01.contoso.com.deployed.json"), null, null, bag);
        Assert.Empty(bag.Items);
        Assert.Equal(["Default:ABCD000000000000000000000000000000000000", "OAuthTokenIssuer:0A0A000000000000000000000000000000000000"], read.Select(d => $"{d.Usages[0]}:{d.Thumbprint}").Order(StringComparer.Ordinal));
        Assert.All(read, d => Assert.Equal(("fe01.contoso.com", new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)), (d.Server, d.NotAfter.ToUniversalTime())));
    }
}
