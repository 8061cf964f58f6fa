namespace CertBuildTasks.Input;

/// <summary>Which input a file is; used in messages and to pick the schema.</summary>
public enum InputKind
{
    Topology,
    Policy,
    TopologyOverrides,
    DeployedCertificates,
}

public static class InputKindExtensions
{
    public static string DisplayName(this InputKind kind) => kind switch
    {
        InputKind.Topology => "topology",
        InputKind.Policy => "certificate policy",
        InputKind.TopologyOverrides => "topology overrides",
        InputKind.DeployedCertificates => "deployed certificates",
        _ => kind.ToString(),
    };

    /// <summary>Deployed certificates come from Get-CsCertificate in its own shape: no schema of ours.</summary>
    public static bool HasSchema(this InputKind kind) => kind != InputKind.DeployedCertificates;

    public static string SchemaFileName(this InputKind kind) => kind switch
    {
        InputKind.Topology => "topology.schema.json",
        InputKind.Policy => "certificate-policy.schema.json",
        InputKind.TopologyOverrides => "topology-overrides.schema.json",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
