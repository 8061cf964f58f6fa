using CertBuildTasks.Naming;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Planning;

/// <summary>
/// The names a Front End or Director server's certificates need (decision 5), per usage, with the
/// reason for each. Wildcards replace simple URL and lyncdiscover names only when the policy allows it.
/// </summary>
internal sealed class WebServicesNames(LyncTopology topology, Pool pool, string server, SimpleUrlSet urls, bool wildcards)
{
    public void AddDefault(SanListBuilder sans)
    {
        sans.Add(server, "server FQDN");
        if (topology.StrictDnsSignInPool is { } signIn && DnsName.Comparer.Equals(signIn.Value, pool.Fqdn.Value))
        {
            foreach (var domain in topology.SipDomains)
            {
                sans.Add("sip." + domain.Value, $"automatic sign-in with strict DNS matching for SIP domain {domain.Value}");
            }
        }
    }

    /// <summary>Default + both web usages in one certificate, in the order a reviewer reads them.</summary>
    public void AddCombined(SanListBuilder sans)
    {
        AddDefault(sans);
        AddWebFqdns(sans, includeExternal: true);
        AddSimpleUrls(sans, includeAdmin: true);
        AddAutodiscover(sans, "lyncdiscoverinternal.", "internal Autodiscover (mobility)");
        AddAutodiscover(sans, "lyncdiscover.", "external Autodiscover (mobility)");
    }

    public void AddInternal(SanListBuilder sans)
    {
        AddWebFqdns(sans, includeExternal: false);
        AddSimpleUrls(sans, includeAdmin: true);
        AddAutodiscover(sans, "lyncdiscoverinternal.", "internal Autodiscover (mobility)");
        AddAutodiscover(sans, "lyncdiscover.", "external Autodiscover (mobility)");
    }

    private void AddWebFqdns(SanListBuilder sans, bool includeExternal)
    {
        sans.Add(pool.Fqdn.Value, "pool FQDN");
        sans.Add(server, "server FQDN");
        sans.Add(pool.InternalWebFqdn?.Value ?? pool.Fqdn.Value, pool.InternalWebFqdn is null ? "internal web services FQDN (the pool FQDN)" : "internal web services override FQDN");
        if (includeExternal && pool.ExternalWebFqdn is { } external)
        {
            sans.Add(external.Value, "external web services FQDN");
        }
    }

    public void AddExternal(SanListBuilder sans)
    {
        if (pool.ExternalWebFqdn is { } external)
        {
            sans.Add(external.Value, "external web services FQDN");
        }

        AddSimpleUrls(sans, includeAdmin: false);
        AddAutodiscover(sans, "lyncdiscover.", "external Autodiscover (mobility)");
    }

    private void AddSimpleUrls(SanListBuilder sans, bool includeAdmin)
    {
        foreach (var meet in urls.Meet)
        {
            AddUrlHost(sans, meet.Url.Value, $"meet simple URL of {meet.Domain.Value.ToLowerInvariant()}");
        }

        if (urls.Dialin is { } dialin)
        {
            AddUrlHost(sans, dialin.Value, "dial-in simple URL");
        }

        if (includeAdmin && urls.Admin is { } admin)
        {
            AddUrlHost(sans, admin.Value, "admin simple URL (internal only)");
        }

        if (urls.WebScheduler is { } scheduler)
        {
            AddUrlHost(sans, scheduler.Value, "web scheduler URL");
        }
    }

    private void AddUrlHost(SanListBuilder sans, string url, string reason)
    {
        if (SimpleUrl.Host(url) is { } host)
        {
            Wildcards.AddHost(sans, host, reason, wildcards);
        }
    }

    private void AddAutodiscover(SanListBuilder sans, string prefix, string reason)
    {
        if (!topology.Mobility.Value)
        {
            return;
        }

        foreach (var domain in topology.SipDomains)
        {
            var name = prefix + domain.Value;
            if (wildcards)
            {
                sans.Add("*." + domain.Value, $"{reason} for {domain.Value.ToLowerInvariant()}, as a wildcard");
            }
            else
            {
                sans.Add(name, $"{reason} for {domain.Value.ToLowerInvariant()}");
            }
        }
    }
}

/// <summary>How the wildcard policy turns a host into a SAN entry.</summary>
internal static class Wildcards
{
    /// <summary>meet.contoso.com → *.contoso.com; a two-label host (contoso.com) stays exact.</summary>
    public static void AddHost(SanListBuilder sans, string host, string reason, bool wildcards)
    {
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        if (wildcards && dot > 0 && host.IndexOf('.', dot + 1) > 0)
        {
            sans.Add("*." + host[(dot + 1)..], reason + ", as a wildcard");
        }
        else
        {
            sans.Add(host, reason);
        }
    }
}
