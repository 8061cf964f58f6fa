using CertBuildTasks.Naming;
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
        Plan.Certificates.FirstOrDefault(c =>
            c.Usages.Contains(usage, StringComparer.OrdinalIgnoreCase)
            && (usage.Equals("OAuthTokenIssuer", StringComparison.OrdinalIgnoreCase) || c.Servers.Contains(server, DnsName.Comparer)));
}
