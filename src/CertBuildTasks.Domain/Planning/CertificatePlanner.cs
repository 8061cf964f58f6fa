using System.Collections.Immutable;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Policy;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Planning;

/// <summary>
/// Turns a validated topology and policy into every certificate the deployment needs, following
/// PRODUCT.md's settled decisions 3–15. Order is stable: the OAuth certificate first (it is assigned
/// first), then pools and servers in topology order, the Office Web Apps farms, the reverse proxy last.
/// </summary>
public static class CertificatePlanner
{
    /// <param name="requestTime">When the requests are made (CertValidationTime): its month goes into every friendly name, so a renewal's certificate never shares its name with the one it replaces.</param>
    public static CertificatePlan Plan(LyncTopology topology, CertificatePolicy policy, DateTimeOffset requestTime, DiagnosticBag diagnostics)
    {
        var certificates = new List<PlannedCertificate>();
        var context = new PlanContext(topology, policy, FriendlyNames.Month(requestTime), diagnostics);

        PlanOAuth(context, certificates);
        foreach (var site in topology.Sites)
        {
            foreach (var pool in site.Pools)
            {
                switch (pool.RoleValue)
                {
                    case PoolRole.StandardEdition:
                    case PoolRole.FrontEnd:
                        PlanWebServers(context, site, pool, CertificateKind.FrontEnd, certificates);
                        break;
                    case PoolRole.Director:
                        PlanWebServers(context, site, pool, CertificateKind.Director, certificates);
                        break;
                    case PoolRole.Mediation:
                        PlanPoolMembers(context, site, pool, CertificateKind.Mediation, certificates);
                        break;
                    case PoolRole.PersistentChat:
                        PlanPoolMembers(context, site, pool, CertificateKind.PersistentChat, certificates);
                        break;
                    case PoolRole.Edge:
                        PlanEdge(context, site, pool, certificates);
                        break;
                    case PoolRole.SurvivableBranch:
                        PlanSurvivableBranch(context, site, pool, certificates);
                        break;
                }
            }
        }

        PlanOfficeWebApps(context, certificates);
        PlanReverseProxy(context, certificates);
        return new CertificatePlan(topology, policy, ImmutableArray.CreateRange(certificates));
    }

    private static void PlanOAuth(PlanContext context, List<PlannedCertificate> certificates)
    {
        var topology = context.Topology;
        if (topology.DefaultSipDomain is not { } domain)
        {
            return;
        }

        // Requested on one Front End and assigned once, globally (decision 8).
        var frontEnd = topology.Pools.FirstOrDefault(p => p.RoleValue is PoolRole.FrontEnd or PoolRole.StandardEdition && !p.EffectiveServers.IsEmpty);
        if (frontEnd is null)
        {
            context.CannotPlan(topology.Location, CertificateKind.OAuthTokenIssuer, domain.Value, "the topology has no Front End or Standard Edition server to request and assign it");
            return;
        }

        var subject = domain.Value.ToLowerInvariant();
        var sans = new SanListBuilder(subject, "default SIP domain (OAuthTokenIssuer subject)");
        certificates.Add(context.Create(
            CertificateKind.OAuthTokenIssuer,
            "oauth-" + subject,
            ImmutableArray.Create(LyncUsage.OAuthTokenIssuer),
            subject,
            sans,
            servers: ImmutableArray<string>.Empty,
            pool: null,
            site: null,
            requestingServer: frontEnd.EffectiveServers[0].Value.ToLowerInvariant(),
            exportableDefault: true,
            friendlyLabel: FriendlyNames.Label(CertificateKind.OAuthTokenIssuer),
            origin: domain.Location));
    }

    private static void PlanWebServers(PlanContext context, Site site, Pool pool, CertificateKind kind, List<PlannedCertificate> certificates)
    {
        var urls = context.Topology.SimpleUrlsFor(site);
        var subject = pool.Fqdn.Value.ToLowerInvariant();
        var separate = context.Policy.WebServicesLayout.Value == WebServicesLayout.Separate;
        var slug = kind == CertificateKind.Director ? "director" : "frontend";
        foreach (var server in pool.EffectiveServers)
        {
            var names = new WebServicesNames(context.Topology, pool, server.Value, urls, context.Policy.WildcardSimpleUrls.Value);
            var serverName = server.Value.ToLowerInvariant();
            if (!separate)
            {
                var sans = new SanListBuilder(subject, "pool FQDN (subject)");
                names.AddCombined(sans);
                certificates.Add(context.Create(
                    kind, $"{slug}-{serverName}", ImmutableArray.Create(LyncUsage.Default, LyncUsage.WebServicesInternal, LyncUsage.WebServicesExternal),
                    subject, sans, ImmutableArray.Create(serverName), pool, site, serverName, false, FriendlyNames.Label(kind), server.Location));
                continue;
            }

            // Separate layout: each usage its own certificate with only the names of that usage.
            var usages = new (string Usage, string Suffix, Action<SanListBuilder> Add)[]
            {
                (LyncUsage.Default, "default", names.AddDefault),
                (LyncUsage.WebServicesInternal, "webinternal", names.AddInternal),
                (LyncUsage.WebServicesExternal, "webexternal", names.AddExternal),
            };
            foreach (var (usage, suffix, add) in usages)
            {
                var sans = new SanListBuilder(subject, "pool FQDN (subject)");
                add(sans);
                certificates.Add(context.Create(
                    kind, $"{slug}-{suffix}-{serverName}", ImmutableArray.Create(usage), subject, sans, ImmutableArray.Create(serverName), pool, site, serverName, false,
                    $"{FriendlyNames.Label(kind)} {usage}", server.Location));
            }
        }
    }

    /// <summary>Stand-alone Mediation and Persistent Chat: Default only, subject pool, SAN pool + server.</summary>
    private static void PlanPoolMembers(PlanContext context, Site site, Pool pool, CertificateKind kind, List<PlannedCertificate> certificates)
    {
        var subject = pool.Fqdn.Value.ToLowerInvariant();
        var slug = kind == CertificateKind.Mediation ? "mediation" : "persistentchat";
        foreach (var server in pool.EffectiveServers)
        {
            var serverName = server.Value.ToLowerInvariant();
            // Microsoft's rows: the pool and this server only, so adding or removing a member changes
            // no other member's certificate, and one member's key is valid for no other member's name.
            var sans = new SanListBuilder(subject, "pool FQDN (subject)").Add(serverName, "server FQDN");
            certificates.Add(context.Create(
                kind, $"{slug}-{serverName}", ImmutableArray.Create(LyncUsage.Default), subject, sans, ImmutableArray.Create(serverName), pool, site, serverName, false,
                FriendlyNames.Label(kind), server.Location));
        }
    }

    private static void PlanSurvivableBranch(PlanContext context, Site site, Pool pool, List<PlannedCertificate> certificates)
    {
        var subject = pool.Fqdn.Value.ToLowerInvariant();
        var sans = new SanListBuilder(subject, "appliance FQDN (subject)");
        foreach (var domain in context.Topology.SipDomains)
        {
            sans.Add("sip." + domain.Value, $"SIP domain {domain.Value.ToLowerInvariant()}");
        }

        var servers = pool.EffectiveServers.Select(s => s.Value.ToLowerInvariant()).ToImmutableArray();
        certificates.Add(context.Create(
            CertificateKind.SurvivableBranch, "sba-" + subject, ImmutableArray.Create(LyncUsage.Default), subject, sans, servers, pool, site, servers[0], false,
            FriendlyNames.Label(CertificateKind.SurvivableBranch), pool.Fqdn.Location));
    }

    private static void PlanEdge(PlanContext context, Site site, Pool pool, List<PlannedCertificate> certificates)
    {
        var topology = context.Topology;
        var servers = pool.EffectiveServers.Select(s => s.Value.ToLowerInvariant()).ToImmutableArray();
        if (servers.IsEmpty)
        {
            return; // CBT1104 already said so; nothing installs these certificates.
        }

        var poolName = pool.Fqdn.Value.ToLowerInvariant();

        // Internal interface: subject = Edge pool FQDN, no other SAN; one copy on every member, so
        // exportable when the pool has more than one server (decision 6).
        var internalSans = new SanListBuilder(poolName, "Edge pool (internal interface) FQDN (subject)");
        certificates.Add(context.Create(
            CertificateKind.EdgeInternal, "edge-internal-" + poolName, ImmutableArray.Create(LyncUsage.Internal), poolName, internalSans, servers, pool, site, servers[0],
            servers.Length > 1, FriendlyNames.Label(CertificateKind.EdgeInternal), pool.Fqdn.Location));

        if (pool.Edge?.AccessEdge is not { } access)
        {
            context.CannotPlan(pool.Edge?.Location ?? pool.Fqdn.Location, CertificateKind.EdgeExternal, poolName, "the Edge pool has no Access Edge FQDN, the subject of its external certificate");
            return;
        }

        // External interface: public, subject = Access Edge FQDN (decision 7).
        var subject = access.Value.ToLowerInvariant();
        var xmpp = topology.Xmpp.Value && topology.ProductVersion.Value != ProductVersion.SfB2019;
        var separateAv = context.Policy.AudioVideoLayout.Value == AudioVideoLayout.Separate;
        var sans = new SanListBuilder(subject, "Access Edge external FQDN (subject)");
        if (pool.Edge.WebConferencing is { } webConf)
        {
            sans.Add(webConf.Value, "Web Conferencing Edge external FQDN");
        }

        foreach (var domain in topology.SipDomains)
        {
            sans.Add("sip." + domain.Value, $"SIP domain {domain.Value.ToLowerInvariant()} (automatic configuration and federation)");
        }

        if (xmpp)
        {
            foreach (var domain in topology.SipDomains)
            {
                sans.Add("xmpp." + domain.Value, $"XMPP federation for {domain.Value.ToLowerInvariant()}");
                sans.Add("*." + domain.Value, $"XMPP federation at the root domain {domain.Value.ToLowerInvariant()}");
            }
        }

        var usages = new List<string> { LyncUsage.AccessEdgeExternal, LyncUsage.DataEdgeExternal };
        if (!separateAv)
        {
            usages.Add(LyncUsage.AudioVideoAuthentication);
        }

        if (xmpp)
        {
            usages.Add(LyncUsage.XmppServer);
        }

        certificates.Add(context.Create(
            CertificateKind.EdgeExternal, "edge-external-" + poolName, ImmutableArray.CreateRange(usages), subject, sans, servers, pool, site, servers[0],
            true, FriendlyNames.Label(CertificateKind.EdgeExternal), access.Location));

        if (separateAv)
        {
            // A dedicated A/V authentication certificate, as Microsoft recommends for roll-over. The A/V
            // service uses neither subject nor SAN, but the certificate needs an identity of its own in
            // the store: the A/V Edge FQDN when the topology names one apart from the Access Edge (else
            // the Access Edge FQDN, told apart by its friendly name).
            var av = pool.Edge.AudioVideo is { } avFqdn && !Naming.DnsName.Comparer.Equals(avFqdn.Value, access.Value) ? avFqdn : null;
            var avSubject = (av ?? access).Value.ToLowerInvariant();
            var avSans = new SanListBuilder(avSubject, av is null
                ? "Access Edge external FQDN (subject; A/V authentication does not use names)"
                : "A/V Edge external FQDN (subject; A/V authentication does not use names)");
            certificates.Add(context.Create(
                CertificateKind.EdgeExternal, "edge-av-" + poolName, ImmutableArray.Create(LyncUsage.AudioVideoAuthentication), avSubject, avSans, servers, pool, site, servers[0],
                true, "Edge A/V Authentication", (av ?? access).Location));
        }
    }

    /// <summary>
    /// One certificate per Office Web Apps / Office Online Server farm: subject = the farm's internal
    /// FQDN, SAN = internal then external FQDN. Published outside, it needs a public CA (external clients
    /// open it through the reverse proxy); every farm machine installs the same certificate, so the key
    /// is exportable. The farm's machines are not in the topology: nobody in the plan installs it.
    /// </summary>
    private static void PlanOfficeWebApps(PlanContext context, List<PlannedCertificate> certificates)
    {
        foreach (var farm in context.Topology.OfficeWebApps)
        {
            var subject = farm.Fqdn.Value.ToLowerInvariant();
            var sans = new SanListBuilder(subject, "Office Web Apps farm internal FQDN (subject)");
            if (farm.ExternalFqdn is { } external)
            {
                sans.Add(external.Value, "Office Web Apps farm external FQDN (published by the reverse proxy)");
            }

            certificates.Add(context.Create(
                CertificateKind.OfficeWebApps, "officewebapps-" + subject, ImmutableArray<string>.Empty, subject, sans, ImmutableArray<string>.Empty, pool: null, site: null,
                requestingServer: null, exportableDefault: true, FriendlyNames.Label(CertificateKind.OfficeWebApps), farm.Location,
                authorityDefault: farm.ExternalFqdn is null ? AuthorityKind.Internal : AuthorityKind.Public));
        }
    }

    private static void PlanReverseProxy(PlanContext context, List<PlannedCertificate> certificates)
    {
        var topology = context.Topology;
        if (topology.ReverseProxy is not { } proxy)
        {
            return;
        }

        var webPools = topology.Pools.Where(p => p.RoleValue is PoolRole.FrontEnd or PoolRole.StandardEdition or PoolRole.Director).ToList();
        var first = webPools.FirstOrDefault(p => p.RoleValue != PoolRole.Director && p.ExternalWebFqdn is not null);
        if (first is null)
        {
            context.CannotPlan(proxy.Location, CertificateKind.ReverseProxy, proxy.Name?.Value ?? "reverse proxy", "no Front End pool has an external web services FQDN to publish");
            return;
        }

        var wildcards = context.Policy.WildcardSimpleUrls.Value;
        var subject = first.ExternalWebFqdn!.Value.ToLowerInvariant();
        var sans = new SanListBuilder(subject, $"external web services FQDN of {first.Fqdn.Value.ToLowerInvariant()} (subject)");
        foreach (var pool in webPools.Where(p => p.ExternalWebFqdn is not null))
        {
            sans.Add(pool.ExternalWebFqdn!.Value, $"external web services FQDN of {pool.Fqdn.Value.ToLowerInvariant()}");
        }

        // The simple URLs in force somewhere: a site's own set replaces the global one (decision 14).
        var urlSets = topology.Sites.Select(topology.SimpleUrlsFor).Distinct();
        foreach (var set in urlSets)
        {
            foreach (var meet in set.Meet)
            {
                if (Naming.SimpleUrl.Host(meet.Url.Value) is { } host)
                {
                    Wildcards.AddHost(sans, host, $"meet simple URL of {meet.Domain.Value.ToLowerInvariant()}", wildcards);
                }
            }

            if (set.Dialin is { } dialin && Naming.SimpleUrl.Host(dialin.Value) is { } dialinHost)
            {
                Wildcards.AddHost(sans, dialinHost, "dial-in simple URL", wildcards);
            }

            if (set.WebScheduler is { } scheduler && Naming.SimpleUrl.Host(scheduler.Value) is { } schedulerHost)
            {
                Wildcards.AddHost(sans, schedulerHost, "web scheduler URL", wildcards);
            }
        }

        if (proxy.PublishOfficeWebApps)
        {
            foreach (var owas in topology.OfficeWebApps.Where(o => o.ExternalFqdn is not null))
            {
                sans.Add(owas.ExternalFqdn!.Value, "Office Web Apps external FQDN");
            }
        }

        if (topology.Mobility.Value)
        {
            foreach (var domain in topology.SipDomains)
            {
                if (wildcards)
                {
                    sans.Add("*." + domain.Value, $"external Autodiscover (mobility) for {domain.Value.ToLowerInvariant()}, as a wildcard");
                }
                else
                {
                    sans.Add("lyncdiscover." + domain.Value, $"external Autodiscover (mobility) for {domain.Value.ToLowerInvariant()}");
                }
            }
        }

        var name = proxy.Name?.Value.ToLowerInvariant();
        certificates.Add(context.Create(
            CertificateKind.ReverseProxy, "reverseproxy-" + (name ?? subject), ImmutableArray<string>.Empty, subject, sans, ImmutableArray<string>.Empty, pool: null, site: null,
            requestingServer: name, exportableDefault: true, FriendlyNames.Label(CertificateKind.ReverseProxy), proxy.Location));
    }

    /// <summary>The inputs every certificate draws on, and the one way certificates are made from them.</summary>
    private sealed class PlanContext(LyncTopology topology, CertificatePolicy policy, string requestMonth, DiagnosticBag diagnostics)
    {
        public LyncTopology Topology { get; } = topology;

        public CertificatePolicy Policy { get; } = policy;

        public void CannotPlan(SourceLocation location, CertificateKind kind, string what, string why) =>
            diagnostics.Add(PlanDiagnostics.CannotPlan, location, kind.JsonName(), what, why);

        public PlannedCertificate Create(
            CertificateKind kind,
            string id,
            ImmutableArray<string> usages,
            string subject,
            SanListBuilder sans,
            ImmutableArray<string> servers,
            Pool? pool,
            Site? site,
            string? requestingServer,
            bool exportableDefault,
            string friendlyLabel,
            SourceLocation origin,
            AuthorityKind? authorityDefault = null)
        {
            var settings = Policy.For(kind);
            var authority = settings.AuthorityIsOwn || authorityDefault is null ? settings.Authority.Value : authorityDefault.Value;
            var requestMode = settings.RequestModeIsOwn
                ? settings.RequestMode.Value
                : PolicyDefaults.RequestMode(kind, authority, Policy.InternalCaConfig is not null);
            foreach (var extra in settings.AdditionalNames)
            {
                sans.Add(extra.Value, "policy additionalNames");
            }

            var internalCa = authority == AuthorityKind.Internal;
            var ekus = new List<string> { EnhancedKeyUsageOids.ServerAuthentication };
            if (kind == CertificateKind.EdgeExternal && usages.Contains(LyncUsage.AccessEdgeExternal) && Policy.PublicImConnectivity.Value)
            {
                ekus.Add(EnhancedKeyUsageOids.ClientAuthentication);
            }

            return new PlannedCertificate
            {
                Id = id,
                Kind = kind,
                Usages = usages,
                SubjectName = subject,
                SubjectAlternativeNames = sans.Build(),
                Servers = servers,
                Pool = pool?.Fqdn.Value.ToLowerInvariant(),
                Site = site?.Name.Value,
                KeySize = settings.KeySize.Value,
                KeyAlgorithm = Policy.KeyAlgorithm.Value.ToUpperInvariant(),
                CryptoProvider = Policy.CryptoProvider.Value,
                HashAlgorithm = HashAlgorithms.Normalize(Policy.HashAlgorithm.Value),
                ExportablePrivateKey = settings.Exportable?.Value ?? exportableDefault,
                EnhancedKeyUsages = ImmutableArray.CreateRange(ekus),
                CertificateAuthority = authority,
                RequestMode = requestMode,
                RequestingServer = requestingServer,
                FriendlyName = FriendlyNames.Format(
                    Policy.FriendlyNamePattern.Value,
                    friendlyLabel,
                    pool?.Fqdn.Value.ToLowerInvariant() ?? (kind == CertificateKind.ReverseProxy ? requestingServer : null),
                    servers.IsEmpty ? null : requestingServer,
                    subject,
                    requestMonth),
                FriendlyLabel = friendlyLabel,
                Template = internalCa ? settings.Template.Value : null,
                CaConfig = internalCa ? Policy.InternalCaConfig?.Value : null,
                // CA/Browser Forum baseline requirements (7.1.4.2) no longer allow OU in publicly trusted
                // certificates since 2022: public CAs strip or refuse it, so public requests do not send it.
                Subject = internalCa ? Policy.Subject : Policy.Subject with { OrganizationalUnit = null },
                Origin = origin,
            };
        }
    }
}
