using CertBuildTasks.Deployed;
using CertBuildTasks.Generation;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Pipeline;

/// <summary>The validated inputs: both models, read once per build.</summary>
public sealed record ValidatedInputs(LyncTopology Topology, CertificatePolicy Policy);

/// <summary>The plan at the build's instant, and plan.json without issued certificates (written once, hashed once).</summary>
public sealed record PlanOutcome(CertificatePlan Plan, DateTimeOffset Now, byte[] PlanJson);

/// <summary>The certificates that passed the gate, by planned id; empty when none were given.</summary>
public sealed record GateOutcome(IReadOnlyDictionary<string, IssuedRecord> Passed)
{
    public static readonly GateOutcome NotRequested = new(new Dictionary<string, IssuedRecord>(StringComparer.Ordinal));
}

/// <summary>The certificates in service, as read and merged; empty when none were given.</summary>
public sealed record DeployedOutcome(IReadOnlyList<DeployedCertificate> Deployed)
{
    public static readonly DeployedOutcome NotRequested = new([]);
}

/// <summary>
/// Every generated file of the bundle (INF, scripts, runbooks, CSRs), in memory, with its SHA-256 by
/// path: hashed once, for the stage's fingerprint, the manifest and SHA256SUMS.
/// </summary>
public sealed record GenerationOutcome(IReadOnlyList<GeneratedFile> Files, IReadOnlyDictionary<string, byte[]> Sha256);

/// <summary>The whole bundle as it is published: the generated files plus plan.json, report.html and manifest.json.</summary>
public sealed record BundleOutcome(IReadOnlyList<GeneratedFile> Files);
