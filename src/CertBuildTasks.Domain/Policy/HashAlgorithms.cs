namespace CertBuildTasks.Policy;

/// <summary>How the policy's digest names are read (the policy rule and the planner agree).</summary>
public static class HashAlgorithms
{
    /// <summary>"sha-256", "Sha256" and "SHA256" are the same algorithm.</summary>
    public static string Normalize(string value) => value.Replace("-", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();
}
