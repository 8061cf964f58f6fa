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

    public static AuthorityKind Authority(CertificateKind kind) =>
        kind is CertificateKind.EdgeExternal or CertificateKind.ReverseProxy ? AuthorityKind.Public : AuthorityKind.Internal;

    /// <summary>
    /// Domain-joined internal servers request online with the cmdlet. Edge servers are not domain-joined
    /// and public CAs take no online requests: certreq when an internal CA config is known, else offline.
    /// </summary>
    public static RequestMode RequestMode(CertificateKind kind, AuthorityKind authority, bool hasInternalCaConfig)
    {
        if (authority == AuthorityKind.Public)
        {
            return Policy.RequestMode.Offline;
        }

        return kind switch
        {
            CertificateKind.EdgeInternal or CertificateKind.SurvivableBranch or CertificateKind.EdgeExternal or CertificateKind.ReverseProxy =>
                hasInternalCaConfig ? Policy.RequestMode.Certreq : Policy.RequestMode.Offline,
            _ => Policy.RequestMode.Cmdlet,
        };
    }

    /// <summary>null: decided per pool by the planner (Edge internal is exportable only when shared).</summary>
    public static bool? Exportable(CertificateKind kind) => kind switch
    {
        CertificateKind.EdgeExternal or CertificateKind.OAuthTokenIssuer or CertificateKind.ReverseProxy => true,
        CertificateKind.EdgeInternal => null,
        _ => false,
    };
}
