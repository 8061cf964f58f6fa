using System.Security.Cryptography.X509Certificates;
using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Issued;

/// <summary>A certificate read from an input file: the file, its position in it, and item metadata.</summary>
public sealed record LoadedCertificate(X509Certificate2 Certificate, string File, int Index, string? PlannedId)
{
    private readonly Lazy<bool> _selfSigned = new(() => CertificateFacts.IsSelfSigned(Certificate));

    // Matching and four rules ask for the names; decoded once per certificate, not once per question.
    private readonly Lazy<IReadOnlyList<string>> _dnsNames = new(() => CertificateFacts.DnsNames(Certificate));
    private readonly Lazy<string> _commonName = new(() => CertificateFacts.CommonName(Certificate));

    public SourceLocation Location => SourceLocation.File(File);

    /// <summary>The SAN DNS names, lower case.</summary>
    public IReadOnlyList<string> DnsNames => _dnsNames.Value;

    /// <summary>The subject's common name.</summary>
    public string CommonName => _commonName.Value;

    public string Thumbprint => Certificate.Thumbprint.ToUpperInvariant();

    public bool IsCertificateAuthority =>
        Certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault()?.CertificateAuthority == true;

    /// <summary>Issuer equals subject and the certificate verifies with its own key (checked once).</summary>
    public bool IsSelfSigned => _selfSigned.Value;

    public string Display => System.IO.Path.GetFileName(File) + (Index > 0 ? $" #{Index + 1}" : string.Empty);
}
