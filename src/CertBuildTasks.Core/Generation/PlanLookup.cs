using System.Runtime.CompilerServices;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;

namespace CertBuildTasks.Generation;

/// <summary>
/// Per-server views of a plan, built once per plan: every script and runbook of a server needs the
/// certificates installed on it or requested from it, and scanning the whole plan for each of 10,000
/// servers made generation grow with the square of the topology (measured in bench/).
/// </summary>
internal static class PlanLookup
{
    private static readonly ConditionalWeakTable<CertificatePlan, Index> Indexes = new();

    /// <summary>Certificates whose servers include the server, in plan order.</summary>
    public static IReadOnlyList<PlannedCertificate> InstalledOn(this CertificatePlan plan, string server) =>
        Of(plan).Installed.TryGetValue(server, out var list) ? list : [];

    /// <summary>Certificates requested from the server (its requesting server), reverse proxy excluded, in plan order.</summary>
    public static IReadOnlyList<PlannedCertificate> RequestedFrom(this CertificatePlan plan, string server) =>
        Of(plan).Requested.TryGetValue(server, out var list) ? list : [];

    /// <summary>Position in the plan of the first certificate installed on or requested from the server.</summary>
    public static int FirstIndexOf(this CertificatePlan plan, string server) =>
        Of(plan).First.TryGetValue(server, out var index) ? index : -1;

    /// <summary>The certificate's position in the plan (plan order is the order every output keeps).</summary>
    public static int PositionOf(this CertificatePlan plan, PlannedCertificate certificate) => Of(plan).Position[certificate];

    private static Index Of(CertificatePlan plan) => Indexes.GetValue(plan, p => new Index(p));

    private sealed class Index
    {
        public Index(CertificatePlan plan)
        {
            for (var i = 0; i < plan.Certificates.Length; i++)
            {
                var c = plan.Certificates[i];
                Position[c] = i;
                foreach (var server in c.Servers.Distinct(StringComparer.Ordinal))
                {
                    Add(Installed, server, c);
                    First.TryAdd(server, i);
                }

                if (c.RequestingServer is { } requesting)
                {
                    if (!c.IsOutsideLync)
                    {
                        Add(Requested, requesting, c);
                    }

                    First.TryAdd(requesting, i);
                }
            }
        }

        public Dictionary<string, List<PlannedCertificate>> Installed { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<PlannedCertificate>> Requested { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> First { get; } = new(StringComparer.Ordinal);

        public Dictionary<PlannedCertificate, int> Position { get; } = new(ReferenceEqualityComparer.Instance);

        private static void Add(Dictionary<string, List<PlannedCertificate>> map, string key, PlannedCertificate c)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }

            list.Add(c);
        }
    }
}
