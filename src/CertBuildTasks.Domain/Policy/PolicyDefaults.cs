namespace CertBuildTasks.Policy;

/// <summary>The built-in policy values (PRODUCT.md settled decisions 1, 2, 4, 7, 8, 9).</summary>
public static class PolicyDefaults
{
    public const int KeySize = 2048;
    public const string KeyAlgorithm = "RSA";
    public const string CryptoProvider = "Microsoft RSA SChannel Cryptographic Provider";
    public const string HashAlgorithm = "SHA256";
    public const string Template = "WebServer";
    public const string FriendlyNamePattern = "{kind} {subject}";
    public const int ExpiryWarningDays = 30;

    /// <summary>
    /// The CA of a kind when the policy does not name one. An Office Web Apps farm is the one kind that
    /// depends on the topology: public when the farm is published externally (the planner decides).
    /// </summary>
    public static AuthorityKind Authority(CertificateKind kind) =>
        kind is CertificateKind.EdgeExternal or CertificateKind.ReverseProxy ? AuthorityKind.Public : AuthorityKind.Internal;

    /// <summary>
    /// Domain-joined internal servers request online with the cmdlet. Public CAs take no online
    /// requests, and Edge servers are not domain-joined and sit in the perimeter network: their
    /// requests are made offline ("Auto-enrollment is not supported for Lync Server Edge Servers";
    /// the internal-edge procedure hands the request file to the CA by other means). A policy may
    /// still choose certreq for them. A Survivable Branch Appliance or the reverse proxy on an internal
    /// CA use certreq when the CA config is known.
    /// </summary>
    public static RequestMode RequestMode(CertificateKind kind, AuthorityKind authority, bool hasInternalCaConfig)
    {
        if (authority == AuthorityKind.Public)
        {
            return Policy.RequestMode.Offline;
        }

        return kind switch
        {
            CertificateKind.EdgeInternal or CertificateKind.EdgeExternal => Policy.RequestMode.Offline,
            CertificateKind.SurvivableBranch or CertificateKind.ReverseProxy or CertificateKind.OfficeWebApps =>
                hasInternalCaConfig ? Policy.RequestMode.Certreq : Policy.RequestMode.Offline,
            _ => Policy.RequestMode.Cmdlet,
        };
    }

    /// <summary>null: decided per pool by the planner (Edge internal is exportable only when shared).</summary>
    public static bool? Exportable(CertificateKind kind) => kind switch
    {
        CertificateKind.EdgeExternal or CertificateKind.OAuthTokenIssuer or CertificateKind.ReverseProxy or CertificateKind.OfficeWebApps => true,
        CertificateKind.EdgeInternal => null,
        _ => false,
    };
}
