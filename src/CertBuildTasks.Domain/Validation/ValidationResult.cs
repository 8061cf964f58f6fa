using CertBuildTasks.Diagnostics;
using CertBuildTasks.Policy;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Validation;

/// <summary>
/// The models (null when an input could not be read) and every diagnostic at its default severity;
/// the project's severity configuration is applied by the caller.
/// </summary>
public sealed record ValidationResult(LyncTopology? Topology, CertificatePolicy? Policy, IReadOnlyList<Diagnostic> Diagnostics);
