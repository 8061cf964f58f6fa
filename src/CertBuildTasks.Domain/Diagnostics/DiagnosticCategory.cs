namespace CertBuildTasks.Diagnostics;

/// <summary>The fixed category set. The ID range follows the category (CBT1xxx input and topology, …).</summary>
public static class DiagnosticCategory
{
    public const string Input = "Input";
    public const string Topology = "Topology";
    public const string Policy = "Policy";
    public const string Plan = "Plan";
    public const string Issued = "IssuedCertificate";
    public const string Generation = "Generation";
    public const string Deployed = "DeployedCertificate";
    public const string Internal = "Internal";
}
