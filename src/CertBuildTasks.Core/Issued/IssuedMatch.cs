using CertBuildTasks.Planning;

namespace CertBuildTasks.Issued;

/// <summary>An issued certificate and the planned certificate it was matched to, and how.</summary>
public sealed record IssuedMatch(PlannedCertificate Planned, LoadedCertificate Issued, string How);
