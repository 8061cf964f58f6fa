using CertBuildTasks.Planning;

namespace CertBuildTasks.Generation;

/// <summary>Where each generated file goes in the bundle (PRODUCT.md, bundle layout).</summary>
public static class BundlePaths
{
    public const string ServersFolder = "servers";
    public const string GlobalFolder = "global";
    public const string RequestScript = "Request-Certificates.ps1";
    public const string AssignmentScript = "Set-Certificates.ps1";
    public const string Runbook = "runbook.md";

    public static string Server(string fqdn) => $"{ServersFolder}/{Segment(fqdn)}";

    /// <summary>
    /// A name from the inputs used as one path segment: exactly as it is, or not at all. The names are
    /// validated where they come from (CBT1102, CBT1118); this is the last line of defence.
    /// </summary>
    public static string Segment(string name) =>
        IO.FileNames.Problem(name) is { } problem
            ? throw new InvalidOperationException($"'{name}' cannot be a bundle file or folder name: {problem}")
            : name;

    /// <summary>
    /// The folder that holds a certificate's request artifacts: the requesting server's, or global/
    /// for a certificate no server requests (a reverse proxy without a name).
    /// </summary>
    public static string RequestFolder(PlannedCertificate certificate) =>
        certificate.RequestingServer is { } server && certificate.Kind != Policy.CertificateKind.ReverseProxy
            ? Server(server)
            : $"{GlobalFolder}/reverse-proxy";

    public static string Inf(PlannedCertificate certificate) => $"{RequestFolder(certificate)}/{Segment(certificate.Id + ".inf")}";

    public static string Csr(PlannedCertificate certificate) => $"{RequestFolder(certificate)}/{Segment(certificate.Id + ".csr")}";

    /// <summary>The issued certificate (public part, DER) that passed the gate.</summary>
    public static string IssuedCertificate(PlannedCertificate certificate) => $"{RequestFolder(certificate)}/{Segment(certificate.Id + ".cer")}";

    /// <summary>The CA certificates above it (.p7b), for -CaChainPath on servers that are not domain-joined.</summary>
    public static string IssuedChain(PlannedCertificate certificate) => $"{RequestFolder(certificate)}/{Segment(certificate.Id + ".chain.p7b")}";
}
