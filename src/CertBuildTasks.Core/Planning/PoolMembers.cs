using CertBuildTasks.Topology;

namespace CertBuildTasks.Planning;

/// <summary>
/// Every certificate of a multi-server pool names all members of the pool (after the pool FQDN and
/// the server's own FQDN). Each server still has its own certificate and key, but the certificates of
/// one pool share one SAN set: they can be reviewed, compared with issued and deployed certificates
/// and renewed as one, and a member's certificate stays valid for every name of its pool.
/// </summary>
internal static class PoolMembers
{
    public const string Reason = "member server of the pool (the certificates of a pool name every member)";

    public static void Add(SanListBuilder sans, Pool pool)
    {
        foreach (var member in pool.EffectiveServers)
        {
            sans.Add(member.Value, Reason);
        }
    }
}
