using System.Globalization;
using CertBuildTasks.Deployed;
using CertBuildTasks.Naming;
using CertBuildTasks.Planning;

namespace CertBuildTasks.Generation;

/// <summary>
/// global/Export-DeployedCertificates.ps1 (always: it produces the DeployedCertificate input) and, from
/// the certificates in service, global/renewal/: the staged roll-over of the OAuthTokenIssuer
/// certificate (effective at least 24 h before the current one ends) and of each Edge pool's
/// AudioVideoAuthentication certificate (at least 8 h), each followed by the removal of the previous
/// certificate once the effective date has passed. Ordinary usages are renewed with the servers'
/// request and assignment scripts.
/// </summary>
internal static class RenewalScriptsGenerator
{
    public const string RenewalFolder = BundlePaths.GlobalFolder + "/renewal";

    /// <summary>Token lifetimes: OAuth tokens live up to 24 h, A/V (MRAS) credentials up to 8 h.</summary>
    public static readonly TimeSpan OAuthLead = TimeSpan.FromHours(24);

    public static readonly TimeSpan AudioVideoLead = TimeSpan.FromHours(8);

    /// <summary>Replication to every Front End, and time to stage every member of an Edge pool.</summary>
    public static readonly TimeSpan SafetyMargin = TimeSpan.FromHours(24);

    public static IEnumerable<GeneratedFile> Generate(CertificatePlan plan, string toolVersion, GenerationOptions options)
    {
        yield return Export(toolVersion, options);

        var oauth = options.Deployed.Where(d => Has(d, LyncUsage.OAuthTokenIssuer)).OrderBy(d => d.NotAfter).FirstOrDefault();
        if (oauth is not null && plan.Certificates.Any(c => c.Usages.Contains(LyncUsage.OAuthTokenIssuer)))
        {
            yield return Roll(
                $"{RenewalFolder}/Roll-OAuthCertificate.ps1", LyncUsage.OAuthTokenIssuer, oauth, OAuthLead, global: true, [],
                "Run once, on any Front End: the Central Management Store replicates the roll-over to every server.", toolVersion, options);
        }

        foreach (var planned in plan.Certificates.Where(c => c.Usages.Contains(LyncUsage.AudioVideoAuthentication)))
        {
            var current = options.Deployed
                .Where(d => Has(d, LyncUsage.AudioVideoAuthentication) && planned.Servers.Contains(d.Server, DnsName.Comparer))
                .OrderBy(d => d.NotAfter)
                .FirstOrDefault();
            if (current is null)
            {
                continue;
            }

            yield return Roll(
                $"{RenewalFolder}/{BundlePaths.Segment("edge-" + planned.Pool)}/Roll-AudioVideoCertificate.ps1", LyncUsage.AudioVideoAuthentication, current, AudioVideoLead, global: false,
                [.. planned.Usages.Where(u => u != LyncUsage.AudioVideoAuthentication)],
                $"Run on every Edge server of the pool ({string.Join(", ", planned.Servers)}) after the new certificate is imported there with its private key; all members roll over at the same effective date.",
                toolVersion, options);
        }
    }

    private static bool Has(DeployedCertificate d, string usage) => d.Usages.Contains(usage, StringComparer.OrdinalIgnoreCase);

    private static string DateLiteral(DateTimeOffset time) =>
        "[datetime]::Parse(" + PowerShellText.Literal(time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))
        + ", [System.Globalization.CultureInfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::AdjustToUniversal)";

    private static GeneratedFile Roll(string path, string usage, DeployedCertificate current, TimeSpan lead, bool global, IReadOnlyList<string> alsoAssign, string where, string toolVersion, GenerationOptions options)
    {
        // At least the token lifetime before the current certificate ends, plus a day for replication
        // and for the other members of an Edge pool, which must all be staged before the first date.
        var effective = current.NotAfter - lead - SafetyMargin;
        var identity = global ? " -Identity 'Global'" : string.Empty;
        var w = options.NewScript();
        w.Header(
            $"Rolls the {usage} certificate over to a new one without an outage, then removes the previous one.",
            [
                where,
                $"The current certificate {current.Thumbprint} ends {current.NotAfter.UtcDateTime:yyyy-MM-dd HH:mm} UTC; the new one takes effect {effective.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({lead.TotalHours:0} h token lifetime + {SafetyMargin.TotalHours:0} h margin before), so tokens issued with the old key stay valid.",
                "First run: with -Thumbprint of the new certificate (Set-CsCertificate -Roll -EffectiveDate). After the current certificate has expired: run again with -RemovePrevious.",
            ],
            [
                ("[string] $Thumbprint", "Thumbprint of the new certificate, already in the local computer store (and, for A/V, on every Edge server)."),
                ("[switch] $RemovePrevious", "Remove the previous certificate (Remove-CsCertificate -Previous); only after the current certificate has expired."),
            ],
            toolVersion);
        w.Line($"$currentThumbprint = {PowerShellText.Literal(current.Thumbprint)}");
        w.Line($"$currentNotAfter = {DateLiteral(current.NotAfter)}");
        w.Line($"$effectiveDate = {DateLiteral(effective)}");
        w.Line("$now = (Get-Date).ToUniversalTime()");
        w.Open("if ($RemovePrevious)");
        w.Comment("The previous certificate validates tokens it signed until it ends: remove it only after that.");
        w.Open("if ($now -lt $currentNotAfter)");
        w.Line($"throw ({PowerShellText.Literal("The previous certificate is valid until ")} + $currentNotAfter.ToString('u') + {PowerShellText.Literal(" and still validates tokens; remove it only after that.")})");
        w.Close();
        w.Open($"if ($PSCmdlet.ShouldProcess({PowerShellText.Literal(usage)}, 'Remove-CsCertificate -Previous'))");
        w.Step($"{usage}: removing the previous certificate");
        w.Line($"Remove-CsCertificate{identity} -Type {usage} -Previous -Confirm:$false");
        w.Close();
        w.Line("return");
        w.Close();
        w.Line();
        w.Open("if (-not $Thumbprint)");
        w.Line("throw 'Give -Thumbprint of the new certificate (or -RemovePrevious after the current certificate has expired).'");
        w.Close();
        w.Comment("Copied thumbprints carry spaces and invisible marks; keep the hex digits only.");
        w.Line("$Thumbprint = ($Thumbprint -replace '[^0-9A-Fa-f]', '').ToUpperInvariant()");
        w.Open("if ($Thumbprint -eq $currentThumbprint)");
        w.Line("throw 'The new certificate is the current one; request a new certificate first.'");
        w.Close();
        w.Line($"$assigned = @(Get-CsCertificate{identity} -Type {usage} | Where-Object {{ $_.Thumbprint -eq $Thumbprint }})");
        w.Open("if ($assigned.Count -gt 0)");
        w.Line($"Write-Step ({PowerShellText.Literal(usage + ": already rolled over to ")} + $Thumbprint)");
        w.Line("return");
        w.Close();
        w.Open("if ($now -ge $effectiveDate)");
        w.Line($"throw ({PowerShellText.Literal("Too late for a staged roll-over: the effective date ")} + $effectiveDate.ToString('u') + {PowerShellText.Literal(" has passed. Assign the new certificate directly with Set-CsCertificate and expect a short interruption.")})");
        w.Close();
        w.Open($"if ($PSCmdlet.ShouldProcess({PowerShellText.Literal(usage)}, 'Set-CsCertificate -Roll'))");
        w.Line($"Write-Step ({PowerShellText.Literal(usage + ": rolling over to ")} + $Thumbprint + ' effective ' + $effectiveDate.ToString('u'))");
        w.Comment("Set-CsCertificate reads the date in the server's local time.");
        w.Line($"Set-CsCertificate{identity} -Type {usage} -Thumbprint $Thumbprint -Roll -EffectiveDate $effectiveDate.ToLocalTime() -Confirm:$false");
        w.Close();
        if (alsoAssign.Count > 0)
        {
            // The same certificate also serves usages without tokens (Access and Web Conferencing Edge):
            // they take the new certificate now, the A/V usage at the effective date.
            var types = string.Join(",", alsoAssign);
            w.Open($"if ($PSCmdlet.ShouldProcess({PowerShellText.Literal(types)}, 'Set-CsCertificate'))");
            w.Line($"Write-Step ({PowerShellText.Literal(types + ": assigning ")} + $Thumbprint)");
            w.Line($"Set-CsCertificate{identity} -Type {types} -Thumbprint $Thumbprint -Confirm:$false");
            w.Close();
        }

        return GeneratedFile.PowerShell(path, w.ToString());
    }

    private static GeneratedFile Export(string toolVersion, GenerationOptions options)
    {
        var w = options.NewScript();
        w.Header(
            "Exports the certificates in service on this server (Get-CsCertificate) for CertCheckDeployed.",
            [
                "Run on every Lync / Skype for Business server; collect the <server>.deployed.json files and add them to the project as",
                "<DeployedCertificate Include=\"deployed/*.deployed.json\" />. Nothing on the server changes.",
            ],
            [("[string] $OutputPath", "Folder for <server FQDN>.deployed.json. Default: this script's folder.")],
            toolVersion);
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
