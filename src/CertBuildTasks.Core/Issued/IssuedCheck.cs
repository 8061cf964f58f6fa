using CertBuildTasks.Planning;
using CertBuildTasks.Policy;

namespace CertBuildTasks.Issued;

/// <summary>Everything a CBT31xx rule judges one matched certificate with.</summary>
public sealed record IssuedCheck(
    PlannedCertificate Planned,
    LoadedCertificate Issued,
    DateTimeOffset ValidationTime,
    int ExpiryWarningDays,
    bool RootsGiven,
    IReadOnlyList<string> ChainProblems,
    TrustedRoot? ChainRoot)
{
    public CertificatePolicy? Policy { get; init; }

    /// <summary>The CA certificates above the issued one as the chain was built, the root last.</summary>
    public IReadOnlyList<ChainAuthority> Chain { get; init; } = [];

    /// <summary>Whether the topology has servers outside the domain (Edge, reverse proxy) that validate this certificate.</summary>
    public string? ValidatedOutsideTheDomainBy { get; init; }
}
