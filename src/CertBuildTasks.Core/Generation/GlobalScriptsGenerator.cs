using CertBuildTasks.Planning;
using CertBuildTasks.Policy;

namespace CertBuildTasks.Generation;

/// <summary>
/// global/: what is done once — the OAuthTokenIssuer assignment (Set-CsCertificate -Identity Global),
/// the export of each Edge pool's shared certificates as PFX on the requesting Edge, and the reverse
/// proxy request.
/// </summary>
internal static class GlobalScriptsGenerator
{
    public static IEnumerable<GeneratedFile> Generate(CertificatePlan plan, string toolVersion, GenerationOptions options)
    {
        foreach (var oauth in plan.Certificates.Where(c => c.Usages.Contains(LyncUsage.OAuthTokenIssuer)))
        {
            yield return OAuth(oauth, toolVersion, options);
        }

        foreach (var pool in plan.Certificates.Where(c => c.Kind is CertificateKind.EdgeInternal or CertificateKind.EdgeExternal && c.Servers.Length > 1).GroupBy(c => c.Pool))
        {
            yield return EdgeExport([.. pool], toolVersion, options);
        }

        foreach (var proxy in plan.Certificates.Where(c => c.Kind == CertificateKind.ReverseProxy))
        {
            yield return ReverseProxy(proxy, plan.Policy.PublicCaName?.Value, toolVersion, options);
        }
    }

    public static string EdgeFolder(string? pool) => $"{BundlePaths.GlobalFolder}/{BundlePaths.Segment("edge-" + pool)}";

    private static GeneratedFile OAuth(PlannedCertificate c, string toolVersion, GenerationOptions options)
    {
        var w = options.NewScript();
        w.Header(
            "Assigns the OAuthTokenIssuer certificate once, globally, before the other servers' certificates.",
            [$"Run on {c.RequestingServer}, where {c.Id} was requested. The Central Management Store replicates it to every Front End."],
            [],
            toolVersion);
        w.ExpectServer(c.RequestingServer ?? string.Empty);
        w.Line();
        w.FindCertificate("certificate", c, "-AllowMissing:$WhatIfPreference");
        w.ThumbprintOfFound();
        w.Open("if (Test-Assigned -Type @('OAuthTokenIssuer') -Thumbprint $thumbprint -Global)");
        w.Line($"Write-Step ({PowerShellText.Literal(c.Id + ": already the global OAuthTokenIssuer, thumbprint ")} + $thumbprint)");
        w.Close();
        w.Open("else");
        w.Line($"Assert-NotReplacingStaged -Id {PowerShellText.Literal(c.Id)} -Type @('OAuthTokenIssuer') -Thumbprint $thumbprint -Global");
        w.Open($"if ($PSCmdlet.ShouldProcess({PowerShellText.Literal(c.Id)}, 'Set-CsCertificate -Identity Global -Type OAuthTokenIssuer'))");
        w.Line($"Write-Step ({PowerShellText.Literal(c.Id + ": assigning OAuthTokenIssuer globally, thumbprint ")} + $thumbprint)");
        w.Line("Set-CsCertificate -Identity 'Global' -Type OAuthTokenIssuer -Thumbprint $thumbprint -Confirm:$false");
        w.Close();
        w.Close();
        w.Line("$assignedGlobally = @(Get-CsCertificate -Identity 'Global' -Type OAuthTokenIssuer)");
        w.Open("foreach ($reference in $assignedGlobally)");
        w.Line("Write-Step ('Global OAuthTokenIssuer: {0}, expires {1}' -f $reference.Thumbprint, $reference.NotAfter)");
        w.Close();
        return GeneratedFile.PowerShell($"{BundlePaths.GlobalFolder}/Set-OAuthCertificate.ps1", w.ToString());
    }

    private static GeneratedFile EdgeExport(IReadOnlyList<PlannedCertificate> shared, string toolVersion, GenerationOptions options)
    {
        var requesting = shared[0].RequestingServer ?? string.Empty;
        var others = shared[0].Servers.Where(s => s != requesting).ToList();
        var w = options.NewScript();
        w.Header(
            $"Exports the shared certificates of the Edge pool {shared[0].Pool} with their keys, for the other members.",
            [$"Run on {requesting} after its certificates were accepted; copy the PFX files to {string.Join(", ", others)} and run their Set-Certificates.ps1 with -PfxPath."],
            [
                ("[string] $OutputPath", "Folder for the PFX files (<certificate id>.pfx). Default: this script's folder."),
                ("[System.Security.SecureString] $PfxPassword", "Password that protects the PFX files. Asked for when not given; never stored."),
            ],
            toolVersion);
        w.ExpectServer(requesting);
        w.Line("if (-not $OutputPath) { $OutputPath = $PSScriptRoot }");
        w.Open("if (-not $PfxPassword -and -not $WhatIfPreference)");
        w.Line("$PfxPassword = Read-Host -AsSecureString -Prompt 'Password to protect the exported PFX files'");
        w.Close();
        w.Line();
        foreach (var c in shared)
        {
            w.FindCertificate("certificate", c, "-AllowMissing:$WhatIfPreference");
            w.Line($"$pfx = Join-Path -Path $OutputPath -ChildPath {PowerShellText.Literal(c.Id + ".pfx")}");
            w.Open($"if ($certificate -and $PSCmdlet.ShouldProcess({PowerShellText.Literal(c.Id)}, 'Export-PfxCertificate'))");
            w.Line($"Write-Step ({PowerShellText.Literal(c.Id + ": exporting to ")} + $pfx)");
            w.Line("Export-PfxCertificate -Cert $certificate -FilePath $pfx -Password $PfxPassword -ChainOption BuildChain -Force | Out-Null");
            w.Close();
            w.Line();
        }

        return GeneratedFile.PowerShell($"{EdgeFolder(shared[0].Pool)}/Export-EdgeCertificates.ps1", w.ToString());
    }

    private static GeneratedFile ReverseProxy(PlannedCertificate c, string? publicCa, string toolVersion, GenerationOptions options)
    {
        var w = options.NewScript();
        w.Header(
            "Requests the reverse proxy certificate (offline, for a public CA) and installs the internal CA chain.",
            [$"Run on the reverse proxy{(c.RequestingServer is null ? string.Empty : " (" + c.RequestingServer + ")")}; bind the certificate to the web listener in the proxy's own console afterwards."],
            [
                ("[string] $ResponsePath", "Folder with the CA's answer, saved as <certificate id>.cer. When given, it is accepted instead of making the request."),
                ("[string] $CaChainPath", "The internal CA chain (.p7b or .cer) that issued the Lync internal certificates; the proxy must trust it."),
            ],
            toolVersion);
        w.Line($"$inf = Join-Path -Path $PSScriptRoot -ChildPath {PowerShellText.Literal(c.Id + ".inf")}");
        w.Line($"$req = Join-Path -Path $PSScriptRoot -ChildPath {PowerShellText.Literal(c.Id + ".req")}");
        w.Open("if ($ResponsePath)");
        w.Line($"$cer = Join-Path -Path $ResponsePath -ChildPath {PowerShellText.Literal(c.Id + ".cer")}");
        w.AcceptAnswer(c.Id);
        w.Close();
        w.Open("else");
        w.Open($"if ($PSCmdlet.ShouldProcess({PowerShellText.Literal(c.Id)}, 'certreq -new'))");
        w.Step($"{c.Id}: creating the request and key with certreq -new");
        w.Line("Invoke-Certreq -Arguments @('-new', '-f', '-q', $inf, $req) | Out-Null");
        var ca = "the public CA" + (publicCa is null ? string.Empty : " (" + publicCa + ")");
        w.Line($"Write-Step ({PowerShellText.Literal(c.Id + ": send ")} + $req + {PowerShellText.Literal(" to " + ca + "; run this script again with -ResponsePath <folder> when it answers.")})");
        w.Close();
        w.Close();
        w.Line();
        AssignmentScriptGenerator.WriteCaChainImport(w);
        return GeneratedFile.PowerShell($"{BundlePaths.RequestFolder(c)}/Request-ReverseProxyCertificate.ps1", w.ToString());
    }
}
