using System.Text;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;

namespace CertBuildTasks.Generation;

/// <summary>
/// Runbooks in Markdown: one per server (what to run there, in order) and one for the deployment,
/// in the order that works — OAuthTokenIssuer first, then Front Ends, Directors, Mediation, Edge,
/// the reverse proxy.
/// </summary>
internal static class RunbookGenerator
{
    private static readonly CertificateKind[] Order =
    [
        CertificateKind.OAuthTokenIssuer, CertificateKind.FrontEnd, CertificateKind.Director, CertificateKind.Mediation,
        CertificateKind.PersistentChat, CertificateKind.SurvivableBranch, CertificateKind.EdgeInternal, CertificateKind.EdgeExternal,
        CertificateKind.ReverseProxy,
    ];

    public static int Rank(CertificateKind kind) => Array.IndexOf(Order, kind);

    /// <summary>Servers in deployment order: by the earliest kind of certificate they hold or request.</summary>
    public static IReadOnlyList<string> ServersInOrder(CertificatePlan plan) =>
        [.. plan.Certificates
            .SelectMany(c => c.Servers.Select(s => (Server: s, c.Kind)).Concat(c.RequestingServer is { } r && c.Kind != CertificateKind.ReverseProxy ? [(r, c.Kind)] : []))
            .GroupBy(x => x.Server, StringComparer.Ordinal)
            .Select(g => (Server: g.Key, Rank: g.Min(x => x.Kind == CertificateKind.OAuthTokenIssuer ? Rank(CertificateKind.FrontEnd) : Rank(x.Kind)), First: plan.FirstIndexOf(g.Key)))
            .OrderBy(x => x.Rank).ThenBy(x => x.First).ThenBy(x => x.Server, StringComparer.Ordinal)
            .Select(x => x.Server)];

    public static GeneratedFile Server(CertificatePlan plan, string server, bool hasRequestScript, bool hasAssignmentScript)
    {
        var requested = plan.RequestedFrom(server).ToList();
        var installed = plan.InstalledOn(server).ToList();
        var sb = new StringBuilder();
        sb.Append("# Certificates of ").Append(MarkdownText.Escape(server)).Append("\n\n");
        sb.Append("Generated from `plan.json`; run each step in an elevated Windows PowerShell on this server. Add `-WhatIf` to any script to see what it would do.\n\n");
        sb.Append("| certificate | usages | subject | CA | request |\n|---|---|---|---|---|\n");
        foreach (var c in requested.Concat(installed).Distinct())
        {
            sb.Append("| ").Append(MarkdownText.Code(c.Id)).Append(" | ").Append(c.Usages.IsEmpty ? "—" : string.Join(", ", c.Usages))
              .Append(" | ").Append(MarkdownText.Escape(c.SubjectName)).Append(" | ").Append(c.CertificateAuthority == AuthorityKind.Public ? "public" : "internal")
              .Append(" | ").Append(c.RequestingServer == server ? c.RequestMode.ToString().ToLowerInvariant() + " here" : "on " + MarkdownText.Escape(c.RequestingServer ?? "—")).Append(" |\n");
        }

        sb.Append("\n## Steps\n\n");
        var step = 1;
        if (hasRequestScript)
        {
            sb.Append(step++).Append(". `.\\Request-Certificates.ps1`");
            if (requested.Any(c => c.RequestMode == RequestMode.Cmdlet))
            {
                sb.Append(" (add `-CaCredential (Get-Credential)` when the signed-in account may not enroll)");
            }

            sb.Append(" — requests ").Append(string.Join(", ", requested.Select(c => MarkdownText.Code(c.Id)))).Append(".\n");
            foreach (var c in requested.Where(c => c.RequestMode == RequestMode.Offline))
            {
                sb.Append(step++).Append(". Send `").Append(c.Id).Append(".req` to the ").Append(c.CertificateAuthority == AuthorityKind.Public ? "public" : "internal")
                  .Append(" CA; save its answer as `").Append(c.Id).Append(".cer` in a folder and run `.\\Request-Certificates.ps1 -ResponsePath <folder>`.\n");
            }
        }

        if (requested.Any(c => c.Kind == CertificateKind.OAuthTokenIssuer))
        {
            sb.Append(step++).Append(". **First of the whole deployment:** `..\\..\\global\\Set-OAuthCertificate.ps1` — assigns the OAuthTokenIssuer certificate globally.\n");
        }

        var shared = requested.Where(c => c.Servers.Length > 1 && c.Kind is CertificateKind.EdgeInternal or CertificateKind.EdgeExternal).ToList();
        if (shared.Count > 0)
        {
            sb.Append(step++).Append(". `..\\..\\global\\edge-").Append(MarkdownText.Escape(shared[0].Pool ?? string.Empty)).Append("\\Export-EdgeCertificates.ps1` — exports the shared certificates as PFX; copy them to ")
              .Append(string.Join(", ", shared[0].Servers.Where(s => s != server).Select(MarkdownText.Escape))).Append(".\n");
        }

        var imported = installed.Where(c => c.RequestingServer != server).ToList();
        if (imported.Count > 0)
        {
            sb.Append(step++).Append(". Copy the PFX files exported on ").Append(MarkdownText.Escape(imported[0].RequestingServer ?? string.Empty)).Append(" into this folder (or pass `-PfxPath`).\n");
        }

        if (hasAssignmentScript)
        {
            var edge = installed.Any(c => c.Kind is CertificateKind.EdgeInternal or CertificateKind.EdgeExternal);
            sb.Append(step++).Append(". `.\\Set-Certificates.ps1`").Append(edge ? " -CaChainPath <internal CA chain .p7b>" : string.Empty)
              .Append(" — assigns ").Append(string.Join(", ", installed.Where(c => !c.Usages.Contains(LyncUsage.OAuthTokenIssuer)).Select(c => MarkdownText.Code(c.Id)))).Append(" and checks the result.\n");
        }

        return GeneratedFile.Text($"{BundlePaths.Server(server)}/{BundlePaths.Runbook}", sb.ToString());
    }

    public static GeneratedFile Deployment(CertificatePlan plan)
    {
        var sb = new StringBuilder();
        sb.Append("# Certificate deployment runbook\n\n");
        sb.Append("Generated from `plan.json`. The order matters: the OAuthTokenIssuer certificate is assigned globally before any other server's certificates, then Front Ends, Directors, Mediation, Edge and the reverse proxy.\n\n");
        var step = 1;
        foreach (var oauth in plan.Certificates.Where(c => c.Usages.Contains(LyncUsage.OAuthTokenIssuer)))
        {
            sb.Append(step++).Append(". On ").Append(MarkdownText.Escape(oauth.RequestingServer ?? string.Empty)).Append(": request ").Append(MarkdownText.Code(oauth.Id))
              .Append(" with `servers\\").Append(MarkdownText.Escape(oauth.RequestingServer ?? string.Empty)).Append("\\Request-Certificates.ps1`, then run `global\\Set-OAuthCertificate.ps1` and let the Central Management Store replicate it.\n");
        }

        foreach (var server in ServersInOrder(plan))
        {
            var ids = plan.InstalledOn(server).Concat(plan.RequestedFrom(server))
                .Distinct(ReferenceEqualityComparer.Instance).Cast<PlannedCertificate>()
                .Where(c => c.Kind != CertificateKind.ReverseProxy && !c.Usages.Contains(LyncUsage.OAuthTokenIssuer))
                .OrderBy(plan.PositionOf)
                .Select(c => MarkdownText.Code(c.Id)).ToList();
            if (ids.Count == 0)
            {
                continue;
            }

            sb.Append(step++).Append(". ").Append(MarkdownText.Escape(server)).Append(": follow `servers\\").Append(MarkdownText.Escape(server)).Append("\\runbook.md` (").Append(string.Join(", ", ids)).Append(").\n");
        }

        foreach (var proxy in plan.Certificates.Where(c => c.Kind == CertificateKind.ReverseProxy))
        {
            sb.Append(step++).Append(". Reverse proxy").Append(proxy.RequestingServer is null ? string.Empty : " " + MarkdownText.Escape(proxy.RequestingServer))
              .Append(": `global\\reverse-proxy\\Request-ReverseProxyCertificate.ps1`, then bind ").Append(MarkdownText.Code(proxy.Id)).Append(" to the web listener.\n");
        }

        sb.Append("\n## Certificates\n\n| certificate | usages | subject | SANs | servers |\n|---|---|---|---:|---|\n");
        foreach (var c in plan.Certificates)
        {
            sb.Append("| ").Append(MarkdownText.Code(c.Id)).Append(" | ").Append(c.Usages.IsEmpty ? "—" : string.Join(", ", c.Usages)).Append(" | ")
              .Append(MarkdownText.Escape(c.SubjectName)).Append(" | ").Append(c.SubjectAlternativeNames.Length).Append(" | ")
              .Append(c.Servers.IsEmpty ? "—" : string.Join(", ", c.Servers.Select(MarkdownText.Escape))).Append(" |\n");
        }

        return GeneratedFile.Text($"{BundlePaths.GlobalFolder}/{BundlePaths.Runbook}", sb.ToString());
    }
}
