namespace CertBuildTasks.Planning;

/// <summary>EKU OIDs (decision 15). Asserted as OIDs, never as friendly names, which differ by OS.</summary>
public static class EnhancedKeyUsageOids
{
    public const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    public const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";
}
