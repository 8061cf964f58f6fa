namespace CertBuildTasks.Planning;

/// <summary>A SAN entry with every reason it is there (a name can be required for several reasons).</summary>
public sealed record PlannedName(string Name, IReadOnlyList<string> Reasons)
{
    public bool IsWildcard => Name.StartsWith("*.", StringComparison.Ordinal);
}
