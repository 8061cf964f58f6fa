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
}
