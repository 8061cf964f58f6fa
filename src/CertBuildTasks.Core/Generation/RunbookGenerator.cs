using System.Globalization;
using System.Text;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;

namespace CertBuildTasks.Generation;

/// <summary>
/// Runbooks in Markdown: one per server (what to run there, in order), one for the deployment — the
/// OAuthTokenIssuer first, then Front Ends, Directors, Mediation, Edge, the reverse proxy and the Office
/// Web Apps farms — and one for the renewal of the whole estate. Paths and commands are in code spans,
/// literally as they are typed (Markdown escapes do not apply inside code spans); names outside them
/// are escaped.
/// </summary>
internal static class RunbookGenerator
{
    public const string RenewalRunbook = RenewalScriptsGenerator.RenewalFolder + "/" + BundlePaths.Runbook;

    private static readonly CertificateKind[] Order =
    [
        CertificateKind.OAuthTokenIssuer, CertificateKind.FrontEnd, CertificateKind.Director, CertificateKind.Mediation,
        CertificateKind.PersistentChat, CertificateKind.SurvivableBranch, CertificateKind.EdgeInternal, CertificateKind.EdgeExternal,
        CertificateKind.ReverseProxy, CertificateKind.OfficeWebApps,
    ];

    public static int Rank(CertificateKind kind) => Array.IndexOf(Order, kind);

    /// <summary>Servers in deployment order: by the earliest kind of certificate they hold or request.</summary>
    public static IReadOnlyList<string> ServersInOrder(CertificatePlan plan) =>
        [.. plan.Certificates
            .SelectMany(c => c.Servers.Select(s => (Server: s, c.Kind)).Concat(c.RequestingServer is { } r && !c.IsOutsideLync ? [(r, c.Kind)] : []))
            .GroupBy(x => x.Server, StringComparer.Ordinal)
            .Select(g => (Server: g.Key, Rank: g.Min(x => x.Kind == CertificateKind.OAuthTokenIssuer ? Rank(CertificateKind.FrontEnd) : Rank(x.Kind)), First: plan.FirstIndexOf(g.Key)))
            .OrderBy(x => x.Rank).ThenBy(x => x.First).ThenBy(x => x.Server, StringComparer.Ordinal)
            .Select(x => x.Server)];

    private static string Code(string text) => MarkdownText.Code(text);

    /// <summary>A bundle-relative path as a Windows path in a code span.</summary>
    private static string Path(string relative) => Code(relative.Replace('/', '\\'));

    private static string Ca(PlannedCertificate c) => c.CertificateAuthority == AuthorityKind.Public ? "public" : "internal";

    public static GeneratedFile Server(ScriptContext context, string server, bool hasRequestScript, bool hasAssignmentScript)
    {
        var plan = context.Plan;
        var requested = plan.RequestedFrom(server).ToList();
        var installed = plan.InstalledOn(server).ToList();
        var isEdge = installed.Concat(requested).Any(c => c.Kind is CertificateKind.EdgeInternal or CertificateKind.EdgeExternal);
        var chain = isEdge ? " -CaChainPath <internal CA chain .p7b>" : string.Empty;
        var sb = new StringBuilder();
        sb.Append("# Certificates of ").Append(MarkdownText.Escape(server)).Append("\n\n");
        sb.Append("Generated from `plan.json`; run each step in an elevated Windows PowerShell on this server: `.\\` scripts in this folder, `global\\` ones from the bundle folder. Add `-WhatIf` to any script to see what it would do.\n\n");
        sb.Append("| certificate | usages | subject | CA | request |\n|---|---|---|---|---|\n");
        foreach (var c in requested.Concat(installed).Distinct())
        {
            sb.Append("| ").Append(Code(c.Id)).Append(" | ").Append(c.Usages.IsEmpty ? "—" : string.Join(", ", c.Usages))
              .Append(" | ").Append(MarkdownText.Escape(c.SubjectName)).Append(" | ").Append(Ca(c))
              .Append(" | ").Append(c.RequestingServer == server ? c.RequestMode.ToString().ToLowerInvariant() + " here" : "on " + MarkdownText.Escape(c.RequestingServer ?? "—")).Append(" |\n");
        }

        sb.Append("\n## Steps\n\n");
        var step = 1;
        if (isEdge)
        {
            sb.Append(step++).Append(". Have the internal CA chain at hand as a `.p7b` (root and intermediates): every script here takes it as `-CaChainPath` and trusts it before any answer is accepted (`certreq -accept` fails against an untrusted root, 0x800b0109).\n");
        }

        if (hasRequestScript)
        {
            sb.Append(step++).Append(". ").Append(Code(".\\" + BundlePaths.RequestScript + chain));
            if (requested.Any(c => c.RequestMode == RequestMode.Cmdlet))
            {
                sb.Append(" (add `-CaCredential (Get-Credential)` when the signed-in account may not enroll)");
            }

            sb.Append(" — requests ").Append(string.Join(", ", requested.Select(c => Code(c.Id)))).Append(". A certificate that already serves is left alone; one that ends within ")
              .Append(context.RenewWithinDays.ToString(CultureInfo.InvariantCulture)).Append(" days is replaced.\n");
            foreach (var c in requested.Where(c => c.RequestMode == RequestMode.Offline && !context.Options.CentralKeys.Contains(c.Id)))
            {
                sb.Append(step++).Append(". Send ").Append(Code(c.Id + ".req")).Append(" to the ").Append(Ca(c)).Append(" CA");
                if (c.CertificateAuthority == AuthorityKind.Internal && c.CaConfig is { } config)
                {
                    sb.Append(" (from a machine that reaches it: ").Append(Code($"certreq -submit -config \"{config}\" {c.Id}.req {c.Id}.cer")).Append(')');
                }

                sb.Append("; save its answer as ").Append(Code(c.Id + ".cer")).Append(" in a folder and run ")
                  .Append(Code(".\\" + BundlePaths.RequestScript + " -ResponsePath <folder>" + chain)).Append(". Running the script again before the answer is there makes no second key.\n");
            }
        }

        if (requested.Any(c => c.Kind == CertificateKind.OAuthTokenIssuer))
        {
            sb.Append(step++).Append(". **First of the whole deployment:** ").Append(Path($"{BundlePaths.GlobalFolder}/{GlobalScriptsGenerator.OAuthScript}"))
              .Append(" — assigns the OAuthTokenIssuer certificate globally (at a renewal it stages the new one).\n");
        }

        var shared = requested.Where(c => c.Servers.Length > 1 && c.Kind is CertificateKind.EdgeInternal or CertificateKind.EdgeExternal).ToList();
        if (shared.Count > 0)
        {
            sb.Append(step++).Append(". ").Append(Path($"{GlobalScriptsGenerator.EdgeFolder(shared[0].Pool)}/{GlobalScriptsGenerator.EdgeExportScript}"))
              .Append(" — exports the shared certificates with their keys as PFX; copy them to ")
              .Append(string.Join(", ", shared[0].Servers.Where(s => s != server).Select(MarkdownText.Escape))).Append(".\n");
        }

        var imported = installed.Where(c => c.RequestingServer != server).ToList();
        if (imported.Count > 0)
        {
            sb.Append(step++).Append(". Copy the PFX files exported on ").Append(MarkdownText.Escape(imported[0].RequestingServer ?? string.Empty)).Append(" into a folder here.\n");
        }

        if (hasAssignmentScript)
        {
            sb.Append(step++).Append(". ").Append(Code(".\\" + BundlePaths.AssignmentScript + (imported.Count > 0 ? " -PfxPath <folder>" : string.Empty) + chain))
              .Append(" — assigns ").Append(string.Join(", ", installed.Where(c => !c.Usages.Contains(LyncUsage.OAuthTokenIssuer)).Select(c => Code(c.Id)))).Append(" and checks the result");
            if (installed.Any(c => c.Usages.Contains(LyncUsage.AudioVideoAuthentication)))
            {
                sb.Append("; at a renewal the A/V authentication certificate is staged (`-Roll`), never swapped at once");
            }

            sb.Append(".\n");
        }

        sb.Append("\nAt a renewal run the same steps in the order of ").Append(Path(RenewalRunbook)).Append(".\n");
        return GeneratedFile.Text($"{BundlePaths.Server(server)}/{BundlePaths.Runbook}", sb.ToString());
    }

    public static GeneratedFile Deployment(ScriptContext context)
    {
        var plan = context.Plan;
        var sb = new StringBuilder();
        sb.Append("# Certificate deployment runbook\n\n");
        sb.Append("Generated from `plan.json`. The order matters: the OAuthTokenIssuer certificate is assigned globally before any other server's certificates, then Front Ends, Directors, Mediation, Edge, the reverse proxy and the Office Web Apps farms. Paths are relative to the bundle folder.\n\n");
        var step = 1;
        foreach (var oauth in plan.Certificates.Where(c => c.Usages.Contains(LyncUsage.OAuthTokenIssuer)))
        {
            sb.Append(step++).Append(". On ").Append(MarkdownText.Escape(oauth.RequestingServer ?? string.Empty)).Append(": request ").Append(Code(oauth.Id))
              .Append(" with ").Append(Path($"{BundlePaths.Server(oauth.RequestingServer ?? string.Empty)}/{BundlePaths.RequestScript}"))
              .Append(", then run ").Append(Path($"{BundlePaths.GlobalFolder}/{GlobalScriptsGenerator.OAuthScript}")).Append(" and let the Central Management Store replicate it.\n");
        }

        foreach (var server in ServersInOrder(plan))
        {
            var ids = plan.InstalledOn(server).Concat(plan.RequestedFrom(server))
                .Distinct(ReferenceEqualityComparer.Instance).Cast<PlannedCertificate>()
                .Where(c => !c.IsOutsideLync && !c.Usages.Contains(LyncUsage.OAuthTokenIssuer))
                .OrderBy(plan.PositionOf)
                .Select(c => Code(c.Id)).ToList();
            if (ids.Count == 0)
            {
                continue;
            }

            sb.Append(step++).Append(". ").Append(MarkdownText.Escape(server)).Append(": follow ").Append(Path($"{BundlePaths.Server(server)}/{BundlePaths.Runbook}"))
              .Append(" (").Append(string.Join(", ", ids)).Append(").\n");
        }

        foreach (var c in plan.Certificates.Where(c => c.IsOutsideLync))
        {
            var script = Path($"{BundlePaths.RequestFolder(c)}/{GlobalScriptsGenerator.OutsideLyncScript(c)}");
            if (c.Kind == CertificateKind.ReverseProxy)
            {
                sb.Append(step++).Append(". Reverse proxy").Append(c.RequestingServer is null ? string.Empty : " " + MarkdownText.Escape(c.RequestingServer))
                  .Append(": ").Append(script).Append(" (with `-CaChainPath <internal CA chain .p7b>`: the proxy must trust the internal web services), then bind ")
                  .Append(Code(c.Id)).Append(" to the web listener.\n");
            }
            else
            {
                sb.Append(step++).Append(". Office Web Apps farm ").Append(MarkdownText.Escape(c.SubjectName)).Append(": on one farm machine ").Append(script)
                  .Append(" (add `-ExportPfxPath <file>` and import the PFX on the other machines), then create the farm with ")
                  .Append(Code($"New-OfficeWebAppsFarm -InternalUrl https://{c.SubjectName}{(c.SanNames.Skip(1).FirstOrDefault() is { } external ? " -ExternalUrl https://" + external : string.Empty)} -CertificateName \"{c.FriendlyName}\""))
                  .Append(" (the script prints the friendly name it gave, which differs only when one was taken).\n");
            }
        }

        sb.Append("\nRenewal: ").Append(Path(RenewalRunbook)).Append(".\n");
        sb.Append("\n## Certificates\n\n| certificate | usages | subject | SANs | servers | friendly name |\n|---|---|---|---:|---|---|\n");
        foreach (var c in plan.Certificates)
        {
            sb.Append("| ").Append(Code(c.Id)).Append(" | ").Append(c.Usages.IsEmpty ? "—" : string.Join(", ", c.Usages)).Append(" | ")
              .Append(MarkdownText.Escape(c.SubjectName)).Append(" | ").Append(c.SubjectAlternativeNames.Length).Append(" | ")
              .Append(c.Servers.IsEmpty ? (c.Kind == CertificateKind.OAuthTokenIssuer ? "global" : "—") : string.Join(", ", c.Servers.Select(MarkdownText.Escape))).Append(" | ")
              .Append(MarkdownText.Escape(c.FriendlyName)).Append(" |\n");
        }

        return GeneratedFile.Text($"{BundlePaths.GlobalFolder}/{BundlePaths.Runbook}", sb.ToString());
    }

    /// <summary>global/renewal/runbook.md: the order that renews the whole estate without an outage.</summary>
    public static GeneratedFile Renewal(ScriptContext context)
    {
        var plan = context.Plan;
        var days = context.RenewWithinDays.ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.Append("# Certificate renewal runbook\n\n");
        sb.Append("Generated from `plan.json`. The request scripts replace every certificate that has ended or ends within ").Append(days)
          .Append(" days (the policy's `expiryWarningDays`; `-RenewWithinDays` changes it for one run) with a new key, and leave the others alone. The OAuthTokenIssuer and A/V authentication certificates are staged (`Set-CsCertificate -Roll -EffectiveDate`), so tokens signed with the current certificate stay valid: no usage is ever without a valid certificate. Paths are relative to the bundle folder.\n\n");
        if (context.Options.Deployed.Count > 0)
        {
            sb.Append("## What ends, as exported\n\n| server | usages | thumbprint | ends (UTC) |\n|---|---|---|---|\n");
            foreach (var d in context.Options.Deployed.OrderBy(d => d.NotAfter).ThenBy(d => d.Server, StringComparer.Ordinal))
            {
                sb.Append("| ").Append(MarkdownText.Escape(d.Server)).Append(" | ").Append(MarkdownText.Escape(string.Join(", ", d.Usages))).Append(" | ")
                  .Append(Code(d.Thumbprint)).Append(" | ").Append(d.NotAfter.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(" |\n");
            }

            sb.Append('\n');
        }

        sb.Append("## Order\n\n");
        var step = 1;
        sb.Append(step++).Append(". On every server: ").Append(Path($"{BundlePaths.GlobalFolder}/Export-DeployedCertificates.ps1"))
          .Append("; add the `<server>.deployed.json` files to the project as `DeployedCertificate` items and build: CBT5001 and CBT5002 name what has ended or ends soon, and this bundle is made for the renewal.\n");
        foreach (var oauth in plan.Certificates.Where(c => c.Usages.Contains(LyncUsage.OAuthTokenIssuer)))
        {
            sb.Append(step++).Append(". On ").Append(MarkdownText.Escape(oauth.RequestingServer ?? string.Empty)).Append(": ")
              .Append(Path($"{BundlePaths.Server(oauth.RequestingServer ?? string.Empty)}/{BundlePaths.RequestScript}")).Append(" requests the new ").Append(Code(oauth.Id))
              .Append(" (and this server's own), then ").Append(Path($"{RenewalScriptsGenerator.RenewalFolder}/{RenewalScriptsGenerator.OAuthRollScript}"))
              .Append(" stages it globally, effective at least 24 h before the current one ends.\n");
        }

        foreach (var server in ServersInOrder(plan))
        {
            var certificates = plan.InstalledOn(server).Where(c => !c.Usages.Contains(LyncUsage.OAuthTokenIssuer)).ToList();
            if (certificates.Count == 0)
            {
                continue;
            }

            sb.Append(step++).Append(". ").Append(MarkdownText.Escape(server)).Append(": the steps of ").Append(Path($"{BundlePaths.Server(server)}/{BundlePaths.Runbook}"))
              .Append(" again — ordinary usages switch to the new certificate at once");
            if (certificates.Any(c => c.Usages.Contains(LyncUsage.AudioVideoAuthentication)))
            {
                sb.Append(", AudioVideoAuthentication is staged");
            }

            sb.Append(".\n");
        }

        foreach (var av in plan.Certificates.Where(c => c.Usages.Contains(LyncUsage.AudioVideoAuthentication)))
        {
            sb.Append(step++).Append(". Edge pool ").Append(MarkdownText.Escape(av.Pool ?? string.Empty)).Append(": ")
              .Append(string.Join(" and ", av.Servers.Select(s => Path($"{BundlePaths.Server(s)}/{BundlePaths.AssignmentScript}"))))
              .Append(" stage the new A/V certificate on every member at the same date, a day before the latest safe one (8 h before the shared current certificate ends). When that date is less than an hour away, stage it instead with ")
              .Append(Path($"{RenewalScriptsGenerator.AudioVideoFolder(av)}/{RenewalScriptsGenerator.AudioVideoRollScript}"))
              .Append(" and the same `-EffectiveDate <date>` on ").Append(string.Join(", ", av.Servers.Select(MarkdownText.Escape))).Append(".\n");
        }

        foreach (var c in plan.Certificates.Where(c => c.IsOutsideLync))
        {
            sb.Append(step++).Append(". ").Append(c.Kind == CertificateKind.ReverseProxy ? "Reverse proxy" : "Office Web Apps farm " + MarkdownText.Escape(c.SubjectName)).Append(": ")
              .Append(Path($"{BundlePaths.RequestFolder(c)}/{GlobalScriptsGenerator.OutsideLyncScript(c)}"))
              .Append(c.Kind == CertificateKind.ReverseProxy ? ", then bind the new certificate to the web listener.\n" : ", then `Set-OfficeWebAppsFarm -CertificateName \"<the friendly name it prints>\"` on the farm.\n");
        }

        sb.Append("\n## After the roll-over\n\n");
        foreach (var oauth in plan.Certificates.Where(c => c.Usages.Contains(LyncUsage.OAuthTokenIssuer)))
        {
            sb.Append(step++).Append(". Once the previous OAuthTokenIssuer certificate has expired: ")
              .Append(Code($"{RenewalScriptsGenerator.RenewalFolder.Replace('/', '\\')}\\{RenewalScriptsGenerator.OAuthRollScript} -RemovePrevious")).Append(".\n");
        }

        foreach (var av in plan.Certificates.Where(c => c.Usages.Contains(LyncUsage.AudioVideoAuthentication)))
        {
            sb.Append(step++).Append(". Once the previous A/V certificate has expired, on every Edge server of ").Append(MarkdownText.Escape(av.Pool ?? string.Empty)).Append(": ")
              .Append(Code($"{RenewalScriptsGenerator.AudioVideoFolder(av).Replace('/', '\\')}\\{RenewalScriptsGenerator.AudioVideoRollScript} -RemovePrevious")).Append(".\n");
        }

        sb.Append(step).Append(". Export the certificates in service again and build: no CBT5001 or CBT5002 remains.\n");
        return GeneratedFile.Text(RenewalRunbook, sb.ToString());
    }
}
