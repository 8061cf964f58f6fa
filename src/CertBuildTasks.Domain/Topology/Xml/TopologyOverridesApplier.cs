using System.Collections.Immutable;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Input;
using CertBuildTasks.Naming;

namespace CertBuildTasks.Topology.Xml;

/// <summary>
/// Lays a <see cref="TopologyOverrides"/> over a topology read from any format: each property that is
/// set replaces the topology's value; pool and Office Web Apps entries must name something that exists.
/// </summary>
public static class TopologyOverridesApplier
{
    public static LyncTopology Apply(LyncTopology topology, TopologyOverrides overrides, DiagnosticBag diagnostics)
    {
        var poolFqdns = topology.Pools.Select(p => p.Fqdn.Value).ToHashSet(DnsName.Comparer);
        var owasFqdns = topology.OfficeWebApps.Select(o => o.Fqdn.Value).ToHashSet(DnsName.Comparer);
        var poolOverrides = new Dictionary<string, PoolOverride>(DnsName.Comparer);
        foreach (var entry in overrides.Pools)
        {
            poolOverrides.TryAdd(entry.Fqdn.Value, entry);
            if (!poolFqdns.Contains(entry.Fqdn.Value))
            {
                diagnostics.Add(InputDiagnostics.OverrideUnmatched, entry.Fqdn.Location, "pool", entry.Fqdn.Value);
            }
        }

        foreach (var entry in overrides.OfficeWebApps)
        {
            if (!owasFqdns.Contains(entry.Fqdn.Value))
            {
                diagnostics.Add(InputDiagnostics.OverrideUnmatched, entry.Fqdn.Location, "Office Web Apps server", entry.Fqdn.Value);
            }
        }

        var sites = topology.Sites.Select(site => site with { Pools = ImmutableArray.CreateRange(site.Pools.Select(pool => ApplyToPool(pool, poolOverrides))) });
        var officeWebApps = topology.OfficeWebApps.Select(owas =>
            overrides.OfficeWebApps.FirstOrDefault(o => DnsName.Comparer.Equals(o.Fqdn.Value, owas.Fqdn.Value)) is { } o
                ? owas with { ExternalFqdn = o.ExternalFqdn }
                : owas);

        return topology with
        {
            ProductVersion = overrides.ProductVersion ?? topology.ProductVersion,
            SimpleUrls = overrides.SimpleUrls ?? topology.SimpleUrls,
            Mobility = overrides.Mobility ?? topology.Mobility,
            Xmpp = overrides.Xmpp ?? topology.Xmpp,
            StrictDnsSignInPool = overrides.StrictDnsSignInPool ?? topology.StrictDnsSignInPool,
            ReverseProxy = overrides.ReverseProxy ?? topology.ReverseProxy,
            Sites = ImmutableArray.CreateRange(sites),
            OfficeWebApps = ImmutableArray.CreateRange(officeWebApps),
        };
    }

    private static Pool ApplyToPool(Pool pool, Dictionary<string, PoolOverride> overrides) =>
        overrides.TryGetValue(pool.Fqdn.Value, out var entry)
            ? pool with
            {
                InternalWebFqdn = entry.InternalWebFqdn ?? pool.InternalWebFqdn,
                ExternalWebFqdn = entry.ExternalWebFqdn ?? pool.ExternalWebFqdn,
            }
            : pool;
}
