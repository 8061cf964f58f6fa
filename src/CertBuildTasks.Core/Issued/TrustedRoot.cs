using CertBuildTasks.Policy;

namespace CertBuildTasks.Issued;

/// <summary>A TrustedRootCertificate item: its certificate and what its metadata says it is.</summary>
/// <param name="Authority">Metadata Authority="internal|public", when given.</param>
/// <param name="DeclaredRoot">Metadata Role="Root" (true) or "Intermediate" (false), when given.</param>
public sealed record TrustedRoot(LoadedCertificate Loaded, AuthorityKind? Authority, bool? DeclaredRoot);
