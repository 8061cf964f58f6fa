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

    /// <summary>
    /// Longest path, relative to the bundle, that Windows handles without long-path support once the
    /// bundle is unpacked (MAX_PATH is 260 with the drive, "C:\&lt;name&gt;-certificates\" and the end).
    /// </summary>
    public const int MaxRelativePath = 220;

    // The files a certificate gives its request folder: <id><suffix>.
    private const string InfSuffix = ".inf";
    private const string CsrSuffix = ".csr";
    private const string CertificateSuffix = ".cer";
    private const string ChainSuffix = ".chain.p7b";

    /// <summary>The file names a certificate gives the bundle, longest first (see <see cref="IssuedChain"/>).</summary>
    public static IEnumerable<string> FileNamesOf(PlannedCertificate certificate) =>
        new[] { ChainSuffix, InfSuffix, CsrSuffix, CertificateSuffix }.Select(suffix => certificate.Id + suffix);

    /// <summary>The server folders a certificate gives the bundle: its servers' and its requesting server's.</summary>
    public static IEnumerable<string> FolderNamesOf(PlannedCertificate certificate) =>
        RequestsOnServer(certificate, out var server) ? certificate.Servers.Append(server)
        : certificate.Kind == Policy.CertificateKind.OfficeWebApps ? certificate.Servers.Append(certificate.SubjectName)
        : certificate.Servers;

    public static string Server(string fqdn) => $"{ServersFolder}/{Segment(fqdn)}";

    /// <summary>
    /// A name from the inputs used as one path segment: exactly as it is, or not at all. The names are
    /// validated where they come from (CBT1102, CBT1118); this is the last line of defence.
    /// </summary>
    public static string Segment(string name) =>
        Naming.FileNames.Problem(name) is { } problem
            ? throw new InvalidOperationException($"'{name}' cannot be a bundle file or folder name: {problem}")
            : name;

    /// <summary>
    /// The folder that holds a certificate's request artifacts: the requesting server's, or under global/
    /// for a certificate requested away from the Lync servers (reverse proxy, Office Web Apps farm).
    /// </summary>
    public static string RequestFolder(PlannedCertificate certificate) =>
        RequestsOnServer(certificate, out var server) ? Server(server)
        : certificate.Kind == Policy.CertificateKind.OfficeWebApps ? $"{GlobalFolder}/office-web-apps/{Segment(certificate.SubjectName)}"
        : $"{GlobalFolder}/reverse-proxy";

    private static bool RequestsOnServer(PlannedCertificate certificate, out string server)
    {
        server = certificate.RequestingServer ?? string.Empty;
        return certificate.RequestingServer is not null && !certificate.IsOutsideLync;
    }

    public static string Inf(PlannedCertificate certificate) => $"{RequestFolder(certificate)}/{Segment(certificate.Id + InfSuffix)}";

    public static string Csr(PlannedCertificate certificate) => $"{RequestFolder(certificate)}/{Segment(certificate.Id + CsrSuffix)}";

    /// <summary>The issued certificate (public part, DER) that passed the gate.</summary>
    public static string IssuedCertificate(PlannedCertificate certificate) => $"{RequestFolder(certificate)}/{Segment(certificate.Id + CertificateSuffix)}";

    /// <summary>
    /// The CA certificates above it (.p7b), for -CaChainPath on servers that are not domain-joined. The
    /// longest path a certificate gives the bundle (CBT4008 measures it).
    /// </summary>
    public static string IssuedChain(PlannedCertificate certificate) => $"{RequestFolder(certificate)}/{Segment(certificate.Id + ChainSuffix)}";
}
