using CertBuildTasks.Planning;
using CertBuildTasks.Policy;

namespace CertBuildTasks.Generation;

/// <summary>
/// global/: what is done once — the OAuthTokenIssuer assignment (Set-CsCertificate -Identity Global,
/// staged with -Roll at a renewal), the export of each Edge pool's shared certificates as PFX on the
/// requesting Edge, and the requests of the certificates used away from the Lync servers: the reverse
/// proxy and each Office Web Apps farm.
/// </summary>
internal static class GlobalScriptsGenerator
{
    public static IEnumerable<GeneratedFile> Generate(ScriptContext context)
    {
        var plan = context.Plan;
        foreach (var oauth in plan.Certificates.Where(c => c.Usages.Contains(LyncUsage.OAuthTokenIssuer)))
        {
            yield return OAuth(context, oauth);
        }

        foreach (var pool in plan.Certificates.Where(c => c.Kind is CertificateKind.EdgeInternal or CertificateKind.EdgeExternal && c.Servers.Length > 1).GroupBy(c => c.Pool))
        {
            yield return EdgeExport(context, [.. pool]);
        }

        foreach (var outside in plan.Certificates.Where(c => c.IsOutsideLync))
        {
            yield return OutsideLync(context, outside);
        }
    }

    public static string EdgeFolder(string? pool) => $"{BundlePaths.GlobalFolder}/{BundlePaths.Segment("edge-" + pool)}";

    public const string OAuthScript = "Set-OAuthCertificate.ps1";

    public const string EdgeExportScript = "Export-EdgeCertificates.ps1";

    /// <summary>The request script of a certificate used away from the Lync servers, in its folder.</summary>
    public static string OutsideLyncScript(PlannedCertificate c) =>
        c.Kind == CertificateKind.OfficeWebApps ? "Request-OfficeWebAppsCertificate.ps1" : "Request-ReverseProxyCertificate.ps1";

    /// <summary>
    /// A PowerShell expression for the thumbprint file the request script of <paramref name="c"/> keeps,
    /// seen from a script in <paramref name="scriptFolder"/> (bundle-relative): the bundle is kept whole
    /// on the server that runs them.
    /// </summary>
    public static string RecordedFileFrom(string scriptFolder, PlannedCertificate c)
    {
        var up = string.Concat(Enumerable.Repeat("..\\", scriptFolder.Split('/').Length));
        var target = BundlePaths.RequestFolder(c).Replace('/', '\\') + "\\" + c.Id + ".thumbprint";
        return $"(Join-Path -Path $PSScriptRoot -ChildPath {PowerShellText.Literal(up + target)})";
    }

    private static GeneratedFile OAuth(ScriptContext context, PlannedCertificate c)
    {
        var w = context.NewScript();
        w.Header(
            "Assigns the OAuthTokenIssuer certificate once, globally, before the other servers' certificates; stages its replacement at a renewal.",
            [
                $"Run on {c.RequestingServer}, where {c.Id} was requested. The Central Management Store replicates it to every Front End.",
                "At a renewal a certificate is already in effect: the new one is staged (Set-CsCertificate -Roll -EffectiveDate) so that tokens signed with the current one stay valid.",
            ],
            [ScriptWriter.RenewWithinDaysParameter(context.RenewWithinDays)],
            context.ToolVersion,
            HelperSections.Store | HelperSections.Lync);
        w.ExpectServer(c.RequestingServer ?? string.Empty);
        w.Line();
        AssignmentScriptGenerator.FindServing(w, c, RecordedFileFrom(BundlePaths.GlobalFolder, c));
        w.Open("if (-not (Get-UsageState -Type OAuthTokenIssuer -Global).Current)");
        w.Comment("The first deployment: nothing is in effect, so nothing is staged.");
        w.Open($"if ($PSCmdlet.ShouldProcess({PowerShellText.Literal(c.Id)}, 'Set-CsCertificate -Identity Global -Type OAuthTokenIssuer'))");
        w.Line($"Write-Step ({PowerShellText.Literal(c.Id + ": assigning OAuthTokenIssuer globally, thumbprint ")} + $thumbprint)");
        w.Line("Set-CsCertificate -Identity 'Global' -Type OAuthTokenIssuer -Thumbprint $thumbprint -Confirm:$false");
        w.Close();
        w.Close();
        w.Open("else");
        w.Line($"Set-StagedCertificate -Id {PowerShellText.Literal(c.Id)} -Type OAuthTokenIssuer -Thumbprint $thumbprint -LeadHours {AssignmentScriptGenerator.StagedUsages[LyncUsage.OAuthTokenIssuer]} -Global");
        w.Close();
        w.Open("foreach ($reference in @(Get-CsCertificate -Identity 'Global' -Type OAuthTokenIssuer))");
        w.Line("Write-Step ('Global OAuthTokenIssuer: {0}, expires {1}, effective {2}' -f $reference.Thumbprint, $reference.NotAfter, (Get-ReferenceDate $reference 'EffectiveDate'))");
        w.Close();
        return GeneratedFile.PowerShell($"{BundlePaths.GlobalFolder}/{OAuthScript}", w.ToString());
    }

    private static GeneratedFile EdgeExport(ScriptContext context, IReadOnlyList<PlannedCertificate> shared)
    {
        var requesting = shared[0].RequestingServer ?? string.Empty;
        var others = shared[0].Servers.Where(s => s != requesting).ToList();
        var folder = EdgeFolder(shared[0].Pool);
        var w = context.NewScript();
        w.Header(
            $"Exports the shared certificates of the Edge pool {shared[0].Pool} with their keys, for the other members.",
            [$"Run on {requesting} after its certificates were accepted (and again after each renewal); copy the PFX files to {string.Join(", ", others)} and run their Set-Certificates.ps1 with -PfxPath."],
            [
                ("[string] $OutputPath", "Folder for the PFX files (<certificate id>.pfx). Default: this script's folder."),
                ("[System.Security.SecureString] $PfxPassword", "Password that protects the PFX files. Asked for when not given; never stored."),
                ScriptWriter.RenewWithinDaysParameter(context.RenewWithinDays),
            ],
            context.ToolVersion,
            HelperSections.Store | HelperSections.Pfx);
        w.ExpectServer(requesting);
        w.Line("if (-not $OutputPath) { $OutputPath = $PSScriptRoot }");
        w.Open("if (-not $PfxPassword -and -not $WhatIfPreference)");
        w.Line("$PfxPassword = Read-Host -AsSecureString -Prompt 'Password to protect the exported PFX files'");
        w.Close();
        w.Line();
        foreach (var c in shared)
        {
            w.Comment($"{c.Id}: the certificate that serves now (the renewed one after a renewal).");
            AssignmentScriptGenerator.FindServing(w, c, RecordedFileFrom(folder, c));
            w.Line($"$pfx = Join-Path -Path $OutputPath -ChildPath {PowerShellText.Literal(c.Id + ".pfx")}");
            w.Open($"if ($certificate -and $PSCmdlet.ShouldProcess({PowerShellText.Literal(c.Id)}, 'export with its key to a PFX'))");
            w.Line($"Write-Step ({PowerShellText.Literal(c.Id + ": exporting ")} + $certificate.Thumbprint + ' to ' + $pfx)");
            w.Line("Export-MachinePfx -Certificate $certificate -Path $pfx -Password $PfxPassword");
            w.Close();
            w.Line();
        }

        return GeneratedFile.PowerShell($"{folder}/{EdgeExportScript}", w.ToString());
    }

    /// <summary>
    /// The reverse proxy's or an Office Web Apps farm's certificate: requested (offline or with certreq)
    /// on the proxy or on one farm machine, the internal CA chain trusted, optionally exported as PFX
    /// for the other proxies or farm machines. It is the same request block as the servers' scripts.
    /// </summary>
    private static GeneratedFile OutsideLync(ScriptContext context, PlannedCertificate c)
    {
        var owa = c.Kind == CertificateKind.OfficeWebApps;
        var where = owa ? $"one machine of the Office Web Apps farm {c.SubjectName}" : "the reverse proxy" + (c.RequestingServer is null ? string.Empty : " (" + c.RequestingServer + ")");
        var next = owa
            ? $"Then import the PFX on every other machine of the farm and create the farm with New-OfficeWebAppsFarm -CertificateName and the friendly name this script prints (planned: {c.FriendlyName})."
            : "Then bind the certificate to the web listener in the proxy's own console.";
        var parameters = new List<(string, string)>
        {
            ("[string] $ResponsePath", "Folder with the CA's answer, saved as <certificate id>.cer (or .p7b). When it is there, it is accepted."),
            ("[switch] $NewRequest", "Discard a request that still waits for the CA's answer and make a new one (a new key)."),
            ("[string] $CaChainPath", "The CA chain to trust (.p7b or .cer): the internal CA that issued the Lync internal certificates" + (owa ? "." : ", which the proxy must trust to reach the web services.")),
            ("[string] $ExportPfxPath", "Also export the certificate with its key to this PFX file, for the other " + (owa ? "farm machines." : "proxies of a farm.")),
            ("[System.Security.SecureString] $PfxPassword", "Password of that PFX; asked for when not given."),
        };
        if (c.RequestMode == RequestMode.Cmdlet)
        {
            parameters.Insert(0, ("[System.Management.Automation.PSCredential] $CaCredential", "Account for the enterprise CA."));
        }

        parameters.Add(ScriptWriter.RenewWithinDaysParameter(context.RenewWithinDays));
        var w = context.NewScript();
        w.Header(
            $"Requests the {(owa ? "Office Web Apps farm" : "reverse proxy")} certificate {c.Id} and trusts the internal CA chain.",
            [$"Run on {where}. {next}"],
            parameters,
            context.ToolVersion,
            HelperSections.Store | HelperSections.Requests | HelperSections.Chain | HelperSections.Pfx);
        w.Line("$pendingApproval = @()");
        w.Open("if ($CaChainPath)");
        w.Line("Import-CaChain -Path $CaChainPath");
        w.Close();
        w.Line();
        RequestScriptGenerator.WriteCertificate(w, c, context.Plan.Policy.PublicCaName?.Value);
        w.Open("if ($pendingApproval.Count -gt 0)");
        w.Line("throw ('Waiting for the CA: ' + ($pendingApproval -join '; ') + '. Run this script again once it has answered.')");
        w.Close();
        w.FindCertificate("certificate", c, "0", "$thumbprintFile", "-AllowMissing");
        w.Open("if ($certificate)");
        w.Line($"Write-Step ({PowerShellText.Literal(c.Id + ": in LocalMachine\\My as ")} + $certificate.Thumbprint + ', friendly name ''' + $certificate.FriendlyName + '''')");
        w.Open("if ($ExportPfxPath -and $PSCmdlet.ShouldProcess($ExportPfxPath, 'export with its key'))");
        w.Line("if (-not $PfxPassword) { $PfxPassword = Read-Host -AsSecureString -Prompt 'Password to protect the PFX' }");
        w.Line("Export-MachinePfx -Certificate $certificate -Path $ExportPfxPath -Password $PfxPassword");
        w.Close();
        if (owa)
        {
            var farm = $"New-OfficeWebAppsFarm -InternalUrl https://{c.SubjectName}{(c.SanNames.Skip(1).FirstOrDefault() is { } external ? " -ExternalUrl https://" + external : string.Empty)} -CertificateName ";
            w.Line($"Write-Step ({PowerShellText.Literal("Create the farm with: " + farm)} + '\"' + $certificate.FriendlyName + '\"')");
        }

        w.Close();
        return GeneratedFile.PowerShell($"{BundlePaths.RequestFolder(c)}/{OutsideLyncScript(c)}", w.ToString());
    }
}
