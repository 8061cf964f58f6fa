namespace CertBuildTasks.Policy;

/// <summary>The kinds of certificate a Lync/SfB deployment needs; the policy can set each one apart.</summary>
public enum CertificateKind
{
    FrontEnd,
    Director,
    Mediation,
    EdgeInternal,
    EdgeExternal,
    OAuthTokenIssuer,
    ReverseProxy,
    SurvivableBranch,
    PersistentChat,

    /// <summary>An Office Web Apps / Office Online Server farm (New-OfficeWebAppsFarm -CertificateName).</summary>
    OfficeWebApps,
}

public static class CertificateKindNames
{
    /// <summary>The property name under "certificates" in the policy file.</summary>
    public static string JsonName(this CertificateKind kind) => kind switch
    {
        CertificateKind.OAuthTokenIssuer => "oAuthTokenIssuer",
        _ => char.ToLowerInvariant(kind.ToString()[0]) + kind.ToString()[1..],
    };
}
