namespace CertBuildTasks.Planning;

/// <summary>Lync/SfB certificate usages: the values of Set-CsCertificate -Type.</summary>
public static class LyncUsage
{
    public const string Default = "Default";
    public const string WebServicesInternal = "WebServicesInternal";
    public const string WebServicesExternal = "WebServicesExternal";
    public const string Internal = "Internal";
    public const string AccessEdgeExternal = "AccessEdgeExternal";
    public const string DataEdgeExternal = "DataEdgeExternal";
    public const string AudioVideoAuthentication = "AudioVideoAuthentication";
    public const string XmppServer = "XmppServer";
    public const string OAuthTokenIssuer = "OAuthTokenIssuer";
}
