using System.Collections.Immutable;
using CertBuildTasks.Policy;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Planning;

/// <summary>The planner's immutable output: every certificate, in a stable order.</summary>
public sealed record CertificatePlan(LyncTopology Topology, CertificatePolicy Policy, ImmutableArray<PlannedCertificate> Certificates);
