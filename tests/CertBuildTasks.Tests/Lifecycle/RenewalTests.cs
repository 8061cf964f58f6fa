using CertBuildTasks.Generation;
using CertBuildTasks.Planning;

namespace CertBuildTasks.Tests.Lifecycle;

/// <summary>
/// The Contoso estate a year on: 30 days before its certificates end, the certificates in service are
/// exported, the bundle is built for the renewal and its runbook is followed. Every certificate is
/// replaced with a new key; OAuthTokenIssuer and AudioVideoAuthentication are staged and never
/// interrupted; the previous ones are removed once their tokens have expired.
/// </summary>
[Trait("Lane", "Build")]
public sealed class RenewalTests : IDisposable
{
    private readonly LifecycleDriver _estate = new();

    public void Dispose() => _estate.Dispose();

    [Fact]
    public void Thirty_days_before_expiry_every_certificate_is_replaced_and_the_token_certificates_roll_over_without_interruption()
    {
        _estate.DeployEverything();
        var first = _estate.Assignments();
        var oldEnd = _estate.EarliestEnd();
        _estate.Estate.Now = oldEnd.AddDays(-29);

        _estate.Build(_estate.ExportDeployed());
        Assert.Contains(_estate.Deployed, d => d.NotAfter < _estate.Estate.Now.AddDays(30)); // the build saw what ends
        _estate.RenewEverything();

        // Ordinary usages switched at once to new certificates; the token usages are staged, the old ones still in effect.
        var renewed = _estate.Assignments();
        foreach (var (key, thumbprint) in renewed)
        {
            var staged = key.EndsWith("|" + LyncUsage.OAuthTokenIssuer, StringComparison.Ordinal) || key.EndsWith("|" + LyncUsage.AudioVideoAuthentication, StringComparison.Ordinal);
            if (staged)
            {
                Assert.Equal(first[key], thumbprint);
            }
            else
            {
                Assert.NotEqual(first[key], thumbprint);
            }
        }

        // Every roll-over: to a new certificate, effective after it was staged and at least the token lifetime before the old one ends.
        Assert.Equal(3, _estate.Estate.Rolls.Count); // Global OAuth, A/V on edge01 and edge02
        foreach (var roll in _estate.Estate.Rolls)
        {
            var lead = roll.Usage == LyncUsage.OAuthTokenIssuer ? TimeSpan.FromHours(24) : TimeSpan.FromHours(8);
            Assert.NotEqual(roll.From, roll.To);
            Assert.True(roll.Effective > roll.StagedAt && roll.Effective <= oldEnd - lead, $"{roll.Scope} {roll.Usage} effective {roll.Effective:u}, old one ends {oldEnd:u}");
        }

        var avDates = _estate.Estate.Rolls.Where(r => r.Usage == LyncUsage.AudioVideoAuthentication).Select(r => r.Effective).Distinct().ToList();
        Assert.Single(avDates); // both Edge servers take the new A/V key at the same moment

        // Time passes: the staged certificates take effect, then the old ones end. Nothing is ever without a certificate.
        foreach (var moment in _estate.Estate.Rolls.Select(r => r.Effective.AddMinutes(1)).Append(oldEnd.AddHours(1)).Order())
        {
            _estate.Estate.Now = moment;
            _estate.AssertNoGaps("at " + moment.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.All(_estate.Assignments(), a => Assert.DoesNotContain(a.Value, first.Values));
        _estate.RemovePreviousEverywhere();
        Assert.All(_estate.Estate.Machines.Values.SelectMany(m => m.Assignments.Values).Concat(_estate.Estate.GlobalAssignments.Values), entries => Assert.Single(entries));
        _estate.AssertNoGaps();
    }

    [Fact]
    public void The_renewed_certificates_carry_new_friendly_names_and_each_has_one_new_key()
    {
        _estate.DeployEverything();
        var oldEnd = _estate.EarliestEnd();
        _estate.Estate.Now = oldEnd.AddDays(-29);
        _estate.Build(_estate.ExportDeployed());
        _estate.RenewEverything();

        foreach (var machine in _estate.Estate.Machines.Values.Where(m => m.Assignments.Count > 0 && m.Role != "Edge"))
        {
            // Per planned certificate of the server: the old and the new one side by side, never more, never one name twice.
            var names = machine.My.Select(c => c.FriendlyName).ToList();
            Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            foreach (var planned in _estate.Plan.RequestedFrom(machine.Fqdn))
            {
                Assert.Equal(2, machine.My.Count(c => c.Certificate.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false) == planned.SubjectName && c.FriendlyName.StartsWith(planned.FriendlyLabel, StringComparison.Ordinal)));
            }
        }
    }
}
