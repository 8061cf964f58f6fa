using CertBuildTasks.Planning;
using CertBuildTasks.Policy;

namespace CertBuildTasks.Generation;

/// <summary>
/// servers/&lt;fqdn&gt;/Set-Certificates.ps1: makes the planned certificates of one server current.
/// Shared Edge certificates requested on another member are imported from the PFX exported there
/// (password asked at run time); on Edge servers the internal CA chain goes into the Trusted Root and
/// Intermediate stores by kind; then one Set-CsCertificate per usage group, skipped when already
/// assigned; last, Get-CsCertificate and Test-CsCertificateConfiguration show the result.
/// The global OAuthTokenIssuer assignment is global/Set-OAuthCertificate.ps1.
/// </summary>
internal static class AssignmentScriptGenerator
{
    public static GeneratedFile? Generate(CertificatePlan plan, string server, string toolVersion, GenerationOptions options)
    {
        var certificates = plan.InstalledOn(server).ToList();
        if (certificates.Count == 0)
        {
            return null;
        }

        var centralKeys = options.CentralKeys;
        var imported = certificates.Where(c => c.RequestingServer != server || centralKeys.Contains(c.Id)).ToList();
        var isEdge = certificates.Any(c => c.Kind is CertificateKind.EdgeInternal or CertificateKind.EdgeExternal);
        var parameters = new List<(string, string)>();
        if (imported.Count > 0)
        {
            parameters.Add(("[string] $PfxPath", "Folder with the PFX files (<certificate id>.pfx) exported on the requesting server or made by the build from a centrally generated key. Default: this script's folder."));
            parameters.Add(("[System.Security.SecureString] $PfxPassword", "Password of those PFX files. Asked for when not given."));
        }

        if (isEdge)
        {
            parameters.Add(("[string] $CaChainPath", "The internal CA chain (.p7b or .cer). Roots go to Trusted Root Certification Authorities, intermediates to Intermediate Certification Authorities."));
        }

        var help = certificates.Select(c => $"{c.Id}: {(c.Usages.IsEmpty ? "no usage" : string.Join(", ", c.Usages))}, subject {c.SubjectName}")
            .Prepend($"Run on {server} after its certificates were requested and accepted. Certificates assigned here:").ToList();
        var w = options.NewScript();
        w.Header($"Assigns the planned certificates of {server} with Set-CsCertificate.", help, parameters, toolVersion);
        w.ExpectServer(server);
        w.Line();

        if (imported.Count > 0)
        {
            // Not a parameter default: Windows PowerShell 5.1 has no $PSScriptRoot yet when defaults are bound (-File).
            w.Line("if (-not $PfxPath) { $PfxPath = $PSScriptRoot }");
            w.Open("if (-not $PfxPassword -and -not $WhatIfPreference)");
            w.Line("$PfxPassword = Read-Host -AsSecureString -Prompt 'Password of the PFX files exported on the requesting server'");
            w.Close();
            foreach (var c in imported)
            {
                w.Comment(centralKeys.Contains(c.Id)
                    ? $"{c.Id}: its key was generated centrally (CertGenerateCsr); the build makes the PFX once the CA answered."
                    : $"{c.Id} is shared: requested on {c.RequestingServer}, exported there with Export-PfxCertificate.");
                w.FindCertificate("existing", c, "-AllowMissing");
                w.Open("if (-not $existing)");
                w.Line($"$pfx = Join-Path -Path $PfxPath -ChildPath {PowerShellText.Literal(c.Id + ".pfx")}");
                w.Open($"if ($PSCmdlet.ShouldProcess({PowerShellText.Literal(c.Id)}, 'Import-PfxCertificate'))");
                w.Step($"{c.Id}: importing the shared certificate and its key into LocalMachine\\My");
                w.Line("Import-PfxCertificate -FilePath $pfx -CertStoreLocation 'Cert:\\LocalMachine\\My' -Password $PfxPassword -Exportable | Out-Null");
                w.Close();
                w.Close();
                w.Line();
            }
        }

        if (isEdge)
        {
            WriteCaChainImport(w);
        }

        foreach (var c in certificates.Where(c => !c.Usages.IsEmpty && !c.Usages.Contains(LyncUsage.OAuthTokenIssuer)))
        {
            w.Comment($"{c.Id}: {string.Join(", ", c.Usages)}");
            w.FindCertificate("certificate", c, "-AllowMissing:$WhatIfPreference");
            w.ThumbprintOfFound();
            w.Open($"if (Test-Assigned -Type {PowerShellText.Array(c.Usages)} -Thumbprint $thumbprint)");
            w.Line($"Write-Step ({PowerShellText.Literal(c.Id + ": already assigned, thumbprint ")} + $thumbprint)");
            w.Close();
            w.Open("else");
            if (c.Usages.Contains(LyncUsage.AudioVideoAuthentication))
            {
                w.Line($"Assert-NotReplacingStaged -Id {PowerShellText.Literal(c.Id)} -Type {PowerShellText.Array(c.Usages)} -Thumbprint $thumbprint");
            }

            w.Open($"if ($PSCmdlet.ShouldProcess({PowerShellText.Literal(c.Id)}, {PowerShellText.Literal("Set-CsCertificate -Type " + string.Join(",", c.Usages))}))");
            w.Line($"Write-Step ({PowerShellText.Literal(c.Id + ": assigning " + string.Join(", ", c.Usages) + ", thumbprint ")} + $thumbprint)");
            w.Line($"Set-CsCertificate -Type {PowerShellText.Array(c.Usages)} -Thumbprint $thumbprint -Confirm:$false");
            w.Close();
            w.Close();
            w.Line();
        }

        w.Step("Certificates now assigned on this server:");
        w.Open("foreach ($reference in @(Get-CsCertificate))");
        w.Line("Write-Step ('  {0}: {1}, expires {2}' -f $reference.Use, $reference.Thumbprint, $reference.NotAfter)");
        w.Close();
        w.Step("Test-CsCertificateConfiguration:");
        w.Open("foreach ($result in @(Test-CsCertificateConfiguration))");
        w.Line("Write-Step ('  ' + ($result | Out-String).Trim())");
        w.Close();
        return GeneratedFile.PowerShell($"{BundlePaths.Server(server)}/{BundlePaths.AssignmentScript}", w.ToString());
    }

    /// <summary>Roots (issuer = subject) to Root, the rest to CA: an intermediate in Trusted Root stops SfB services.</summary>
    internal static void WriteCaChainImport(ScriptWriter w)
    {
        w.Open("if ($CaChainPath)");
        w.Line("$chain = New-Object -TypeName System.Security.Cryptography.X509Certificates.X509Certificate2Collection");
        w.Line("$chain.Import((Resolve-Path -LiteralPath $CaChainPath).ProviderPath)");
        w.Open("foreach ($ca in $chain)");
        w.Line("$store = 'CA'");
        w.Line("if ($ca.Subject -eq $ca.Issuer) { $store = 'Root' }");
        w.Line("$file = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ($ca.Thumbprint + '.cer')");
        w.Open("if ($PSCmdlet.ShouldProcess($ca.Subject, ('Import-Certificate into LocalMachine\\' + $store)))");
        w.Line("[System.IO.File]::WriteAllBytes($file, $ca.RawData)");
        w.Line("Write-Step ('CA chain: ' + $ca.Subject + ' into LocalMachine\\' + $store)");
        w.Line("Import-Certificate -FilePath $file -CertStoreLocation ('Cert:\\LocalMachine\\' + $store) | Out-Null");
        w.Line("Remove-Item -LiteralPath $file");
        w.Close();
        w.Close();
        w.Close();
        w.Open("else");
        w.Line("Write-Warning 'No -CaChainPath: make sure the internal root CA is in Trusted Root and its intermediates in Intermediate Certification Authorities.'");
        w.Close();
        w.Line();
    }
}
