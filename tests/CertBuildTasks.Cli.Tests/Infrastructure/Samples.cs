namespace CertBuildTasks.Cli.Tests.Infrastructure;

/// <summary>The repository's samples, read in place.</summary>
public static class Samples
{
    public static string Folder(string name) => Path.Combine(RepoPaths.Samples, name);

    public static string Topology(string name) => Path.Combine(Folder(name), "topology.json");

    public static string Policy(string name) => Path.Combine(Folder(name), "certificate-policy.json");

    /// <summary>A fixed instant, so runs compared with each other judge at the same time.</summary>
    public const string At = "2026-12-01T00:00:00Z";
}
