using CertBuildTasks.Planning;
using CertBuildTasks.Policy;

namespace CertBuildTasks.Deployed;

/// <summary>Everything a CBT5xxx rule judges: the certificates in service, the plan, and the instant.</summary>
public sealed class DeployedSet(
    CertificatePlan plan,
    IReadOnlyList<DeployedCertificate> deployed,
    DateTimeOffset validationTime,
    CertificatePolicy policy)
{
    public CertificatePlan Plan { get; } = plan;

    public IReadOnlyList<DeployedCertificate> Deployed { get; } = deployed;

    public DateTimeOffset ValidationTime { get; } = validationTime;

    public CertificatePolicy Policy { get; } = policy;

    public int ExpiryWarningDays => Policy.ExpiryWarningDays.Value;

    /// <summary>
    /// The planned certificate that covers a usage on a server: the global OAuthTokenIssuer for that
    /// usage, else the one whose servers include the server. Null when the plan has none.
    /// </summary>
    public PlannedCertificate? PlannedFor(string server, string usage) =>
        usage.Equals(LyncUsage.OAuthTokenIssuer, StringComparison.OrdinalIgnoreCase)
            ? _index.Value.OAuth
            : _index.Value.ByServerAndUsage.TryGetValue((server.ToLowerInvariant(), usage.ToLowerInvariant()), out var planned) ? planned : null;

    /// <summary>
    /// Built once: every rule asks for each deployed certificate and usage, and scanning the plan for
    /// each question grew with deployed × planned certificates.
    /// </summary>
    private readonly Lazy<(Dictionary<(string, string), PlannedCertificate> ByServerAndUsage, PlannedCertificate? OAuth)> _index = new(() =>
    {
        var byServerAndUsage = new Dictionary<(string, string), PlannedCertificate>();
        foreach (var c in plan.Certificates)
        {
            foreach (var server in c.Servers)
            {
                foreach (var usage in c.Usages)
                {
                    byServerAndUsage.TryAdd((server.ToLowerInvariant(), usage.ToLowerInvariant()), c); // the first in plan order wins
                }
            }
        }

        return (byServerAndUsage, plan.Certificates.FirstOrDefault(c => c.Usages.Contains(LyncUsage.OAuthTokenIssuer)));
    });
}
