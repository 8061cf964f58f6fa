using CertBuildTasks.Planning;

namespace CertBuildTasks.Generation;

/// <summary>
/// global/Export-DeployedCertificates.ps1 (it produces the DeployedCertificate input) and global/renewal/:
/// the staged roll-over of the OAuthTokenIssuer certificate and of each Edge pool's
/// AudioVideoAuthentication certificate. Nothing about the certificates in service is baked in: the
/// scripts read the current certificate from Get-CsCertificate, find the new one by the gate's
/// thumbprint, the one the request script recorded, or its names, and compute the effective date when
/// they run — at least 24 h (OAuth) or 8 h (A/V) before the current certificate ends. -RemovePrevious
/// removes the previous certificate once the tokens it signed have expired. Ordinary usages are renewed
/// with the servers' request and assignment scripts; global/renewal/runbook.md says the order.
/// </summary>
internal static class RenewalScriptsGenerator
{
    public const string RenewalFolder = BundlePaths.GlobalFolder + "/renewal";

    public const string OAuthRollScript = "Roll-OAuthCertificate.ps1";

    public const string AudioVideoRollScript = "Roll-AudioVideoCertificate.ps1";

    public static string AudioVideoFolder(PlannedCertificate c) => $"{RenewalFolder}/{BundlePaths.Segment("edge-" + c.Pool)}";

    public static IEnumerable<GeneratedFile> Generate(ScriptContext context)
    {
        yield return Export(context);
        foreach (var oauth in context.Plan.Certificates.Where(c => c.Usages.Contains(LyncUsage.OAuthTokenIssuer)))
        {
            yield return Roll(
                context, RenewalFolder, OAuthRollScript, oauth, LyncUsage.OAuthTokenIssuer, global: true, [],
                $"Run once, on {oauth.RequestingServer} where the new certificate was requested: the Central Management Store replicates the roll-over to every server.");
        }

        foreach (var av in context.Plan.Certificates.Where(c => c.Usages.Contains(LyncUsage.AudioVideoAuthentication)))
        {
            yield return Roll(
                context, AudioVideoFolder(av), AudioVideoRollScript, av, LyncUsage.AudioVideoAuthentication, global: false,
                [.. av.Usages.Where(u => u != LyncUsage.AudioVideoAuthentication)],
                $"Run on every Edge server of the pool ({string.Join(", ", av.Servers)}) once the new certificate is there with its private key (Request-Certificates.ps1 on {av.RequestingServer}, Export-EdgeCertificates.ps1, Set-Certificates.ps1 -PfxPath on the others); give every member the same -EffectiveDate.");
        }
    }

    private static GeneratedFile Roll(ScriptContext context, string folder, string name, PlannedCertificate c, string usage, bool global, IReadOnlyList<string> alsoAssign, string where)
    {
        var lead = AssignmentScriptGenerator.StagedUsages[usage];
        var scope = global ? " -Global" : string.Empty;
        var w = context.NewScript();
        w.Header(
            $"Rolls {usage} over to its new certificate without an outage, then removes the previous one.",
            [
                where,
                $"Stages the new certificate with Set-CsCertificate -Roll -EffectiveDate, computed when the script runs: at least {lead} h (the token lifetime) before the current certificate ends, by default a day before that, and never earlier than an hour from now.",
                $"After the new certificate has been in effect for {lead} h: run again with -RemovePrevious (Remove-CsCertificate -Previous).",
            ],
            [
                ("[string] $Thumbprint", "The new certificate's thumbprint. Default: found here — the thumbprint the build's gate accepted or the request script recorded, else the newest certificate with the planned names that is not the current one."),
                ("[Nullable[datetime]] $EffectiveDate", "When the new certificate takes effect (a [datetime]); it must be at least " + lead + " h before the current certificate ends. Default: computed as described above."),
                ("[switch] $AssignNow", "Assign at once instead of staging (only when staging is impossible: the current certificate ends too soon). Tokens signed with the current certificate fail until renewed."),
                ("[switch] $RemovePrevious", "Remove the previous certificate (Remove-CsCertificate -Previous) once the new one has been in effect for " + lead + " h."),
                ScriptWriter.RenewWithinDaysParameter(context.RenewWithinDays),
            ],
            context.ToolVersion,
            HelperSections.Store | HelperSections.Lync);
        w.Open("if ($RemovePrevious)");
        w.Line($"Remove-PreviousCertificate -Type {usage} -LeadHours {lead}{scope}");
        w.Line("return");
        w.Close();
        w.Line();
        w.Line($"$state = Get-UsageState -Type {usage}{scope}");
        w.Line("$current = @()");
        w.Line("if ($state.Current) { $current = @($state.Current.Thumbprint) }");
        w.Open("if ($Thumbprint)");
        w.Comment("Copied thumbprints carry spaces and invisible marks; keep the hex digits only.");
        w.Line("$wanted = ($Thumbprint -replace '[^0-9A-Fa-f]', '').ToUpperInvariant()");
        w.Line($"$new = Find-PlannedCertificate -Id {PowerShellText.Literal(c.Id)} -Subject {PowerShellText.Literal(c.SubjectName)} -DnsNames @() -Thumbprints @($wanted) -ValidDays 0 -AllowMissing");
        w.Line($"if (-not $new -or $new.Thumbprint -ne $wanted) {{ throw ({PowerShellText.Literal(c.Id + ": the certificate ")} + $wanted + ' is not in LocalMachine\\My with its private key.') }}");
        w.Close();
        w.Open("else");
        w.FindCertificate("new", c, "$RenewWithinDays", GlobalScriptsGenerator.RecordedFileFrom(folder, c), "-AllowMissing:$WhatIfPreference", "$current");
        w.Close();
        w.Open("if ($new -and $current -contains $new.Thumbprint)");
        w.Line($"Write-Step ({PowerShellText.Literal(usage + ": the current certificate is already the new one, ")} + $new.Thumbprint)");
        w.Line("return");
        w.Close();
        w.ThumbprintOfFound("new");
        w.Line($"Set-StagedCertificate -Id {PowerShellText.Literal(c.Id)} -Type {usage} -Thumbprint $thumbprint -LeadHours {lead}{scope} -EffectiveDate $EffectiveDate -AssignNow:$AssignNow");
        if (alsoAssign.Count > 0)
        {
            // The same certificate also serves usages without tokens (Access and Web Conferencing Edge):
            // they take the new certificate now, the A/V usage at the effective date.
            var types = PowerShellText.Array(alsoAssign);
            w.Open($"if (-not (Test-Assigned -Type {types} -Thumbprint $thumbprint) -and $PSCmdlet.ShouldProcess({PowerShellText.Literal(string.Join(",", alsoAssign))}, 'Set-CsCertificate'))");
            w.Line($"Write-Step ({PowerShellText.Literal(string.Join(", ", alsoAssign) + ": assigning ")} + $thumbprint)");
            w.Line($"Set-CsCertificate -Type {types} -Thumbprint $thumbprint -Confirm:$false");
            w.Close();
        }

        return GeneratedFile.PowerShell($"{folder}/{name}", w.ToString());
    }

    private static GeneratedFile Export(ScriptContext context)
    {
        var w = context.NewScript();
        w.Header(
            "Exports the certificates in service on this server (Get-CsCertificate) for CertCheckDeployed.",
            [
                "Run on every Lync / Skype for Business server; collect the <server>.deployed.json files and add them to the project as",
                "<DeployedCertificate Include=\"deployed/*.deployed.json\" />. Nothing on the server changes.",
            ],
            [("[string] $OutputPath", "Folder for <server FQDN>.deployed.json. Default: this script's folder.")],
            context.ToolVersion);
        w.Line("if (-not $OutputPath) { $OutputPath = $PSScriptRoot }");
        w.Line("$server = Get-LocalFqdn");
        w.Line("$entries = @()");
        w.Open("foreach ($certificate in @(Get-CsCertificate | Select-Object Use, Thumbprint, NotAfter, Subject, AlternativeNames))");
        w.Line("$names = @()");
        w.Line("if ($certificate.AlternativeNames) { $names = @($certificate.AlternativeNames | ForEach-Object { [string] $_ }) }");
        w.Line("$entries += New-Object PSObject -Property ([ordered] @{ Server = $server; Use = [string] $certificate.Use; Thumbprint = [string] $certificate.Thumbprint; NotAfter = ([datetime] $certificate.NotAfter).ToUniversalTime().ToString('o'); Subject = [string] $certificate.Subject; AlternativeNames = $names })");
        w.Close();
        w.Line("$file = Join-Path -Path $OutputPath -ChildPath ($server + '.deployed.json')");
        w.Open("if ($PSCmdlet.ShouldProcess($file, 'Write the certificates in service'))");
        w.Line("ConvertTo-Json -InputObject @($entries) -Depth 3 | Set-Content -Path $file -Encoding UTF8");
        w.Line("Write-Step ('{0} certificate assignments written to {1}' -f $entries.Count, $file)");
        w.Close();
        return GeneratedFile.PowerShell($"{BundlePaths.GlobalFolder}/Export-DeployedCertificates.ps1", w.ToString());
    }
}
