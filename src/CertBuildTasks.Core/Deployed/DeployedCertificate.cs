using System.Collections.Immutable;
using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Deployed;

/// <summary>
/// A certificate in service on a server with the Lync usages it is assigned to, read from an exported
/// certificate file or from Get-CsCertificate output. Key size and signature algorithm are known
/// for certificate files and for exports that carry them.
/// </summary>
public sealed record DeployedCertificate(
    string Server,
    ImmutableArray<string> Usages,
    string Thumbprint,
    string SubjectName,
    ImmutableArray<string> DnsNames,
    DateTimeOffset NotAfter,
    SourceLocation Location,
    string Display,
    int? KeySize = null,
    string? SignatureAlgorithm = null);
