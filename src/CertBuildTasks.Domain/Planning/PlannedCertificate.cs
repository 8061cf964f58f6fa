using System.Collections.Immutable;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Policy;

namespace CertBuildTasks.Planning;

/// <summary>
/// One certificate the deployment needs, with everything a request and an assignment need. The
/// plan.json fields of PRODUCT.md map one to one to these properties.
/// </summary>
public sealed record PlannedCertificate
{
    public required string Id { get; init; }

    public required CertificateKind Kind { get; init; }

    /// <summary>Set-CsCertificate -Type values; empty for the reverse proxy (not a Lync role).</summary>
    public required ImmutableArray<string> Usages { get; init; }

    public required string SubjectName { get; init; }

    /// <summary>Ordered: SAN[0] = subject, exact FQDNs before wildcards, no duplicates, lower case.</summary>
    public required ImmutableArray<PlannedName> SubjectAlternativeNames { get; init; }

    /// <summary>The servers that install it; empty for the global OAuth certificate and the reverse proxy.</summary>
    public required ImmutableArray<string> Servers { get; init; }

    public required string? Pool { get; init; }

    public required string? Site { get; init; }

    public required int KeySize { get; init; }

    public required string KeyAlgorithm { get; init; }

    public required string CryptoProvider { get; init; }

    public required string HashAlgorithm { get; init; }

    public required bool ExportablePrivateKey { get; init; }

    public required ImmutableArray<string> EnhancedKeyUsages { get; init; }

    public required AuthorityKind CertificateAuthority { get; init; }

    public required RequestMode RequestMode { get; init; }

    /// <summary>Where the key is generated and the request made; null when the plan cannot know (a reverse proxy without a name).</summary>
    public required string? RequestingServer { get; init; }

    public required string FriendlyName { get; init; }

    /// <summary>The kind's label in the friendly name ("Edge A/V Authentication"): the part a policy pattern keeps on every certificate of the kind.</summary>
    public required string FriendlyLabel { get; init; }

    /// <summary>Enterprise CA template name; null for a public CA.</summary>
    public required string? Template { get; init; }

    /// <summary>Enterprise CA config string; null for a public CA or when the CA is found in Active Directory.</summary>
    public required string? CaConfig { get; init; }

    public required SubjectRdns Subject { get; init; }

    /// <summary>Where in the topology the certificate comes from, for plan diagnostics.</summary>
    public required SourceLocation Origin { get; init; }

    public IEnumerable<string> SanNames => SubjectAlternativeNames.Select(n => n.Name);

    /// <summary>
    /// Requested and installed away from the Lync servers (the reverse proxy, an Office Web Apps farm):
    /// no server of the topology requests it, and its files live under global/.
    /// </summary>
    public bool IsOutsideLync => Kind is CertificateKind.ReverseProxy or CertificateKind.OfficeWebApps;
}
