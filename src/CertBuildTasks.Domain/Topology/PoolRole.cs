namespace CertBuildTasks.Topology;

/// <summary>What a pool does; each role has its own certificate rules (PRODUCT.md, settled decisions 4–11).</summary>
public enum PoolRole
{
    StandardEdition,
    FrontEnd,
    Director,
    Edge,
    Mediation,
    PersistentChat,
    SurvivableBranch,
}
