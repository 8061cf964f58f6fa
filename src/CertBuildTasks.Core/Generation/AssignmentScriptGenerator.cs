using CertBuildTasks.Planning;
using CertBuildTasks.Policy;

namespace CertBuildTasks.Generation;

/// <summary>
/// servers/&lt;fqdn&gt;/Set-Certificates.ps1: makes the planned certificates of one server current, at the
/// first deployment and at every renewal. On an Edge server the CA chain is trusted first; a shared Edge
/// certificate requested on another member is imported from the PFX exported there when this server has
/// none that serves; then each certificate is found by its thumbprint (the gate's, or the one the
/// request script recorded) or by its names — the newest one that serves, never one in the renewal
/// window while a newer exists — and assigned: ordinary usages at once, AudioVideoAuthentication staged
/// with -Roll when a certificate is in effect. The global OAuthTokenIssuer is global/Set-OAuthCertificate.ps1.
/// </summary>
internal static class AssignmentScriptGenerator
{
    /// <summary>Usages that are never swapped at once (token signing) and their token lifetime in hours.</summary>
    public static readonly IReadOnlyDictionary<string, int> StagedUsages = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [LyncUsage.OAuthTokenIssuer] = 24,
        [LyncUsage.AudioVideoAuthentication] = 8,
    };

    public static GeneratedFile? Generate(ScriptContext context, string server)
    {
        var plan = context.Plan;
        var certificates = plan.InstalledOn(server).ToList();
        if (certificates.Count == 0)
        {
            return null;
        }

        var centralKeys = context.Options.CentralKeys;
        var imported = certificates.Where(c => c.RequestingServer != server || centralKeys.Contains(c.Id)).ToList();
        var isEdge = certificates.Any(c => c.Kind is CertificateKind.EdgeInternal or CertificateKind.EdgeExternal);
        var parameters = new List<(string, string)>();
        if (imported.Count > 0)
        {
            parameters.Add(("[string] $PfxPath", "Folder with the PFX files (<certificate id>.pfx) exported on the requesting server or made by the build from a centrally generated key. Default: this script's folder."));
            parameters.Add(("[System.Security.SecureString] $PfxPassword", "Password of those PFX files. Asked for when a PFX is imported and it is not given."));
        }

        if (isEdge)
        {
            parameters.Add(("[string] $CaChainPath", "The internal CA chain (.p7b or .cer). Roots go to Trusted Root Certification Authorities, intermediates to Intermediate Certification Authorities."));
        }

        parameters.Add(ScriptWriter.RenewWithinDaysParameter(context.RenewWithinDays));
        var help = certificates.Select(c => $"{c.Id}: {(c.Usages.IsEmpty ? "no usage" : string.Join(", ", c.Usages))}, subject {c.SubjectName}")
            .Prepend($"Run on {server} after its certificates were requested and accepted (and again after each renewal). Certificates assigned here:").ToList();
        var w = context.NewScript();
        var sections = HelperSections.Store | HelperSections.Lync | (isEdge ? HelperSections.Chain : HelperSections.None) | (imported.Count > 0 ? HelperSections.Pfx : HelperSections.None);
        w.Header($"Assigns the planned certificates of {server} with Set-CsCertificate.", help, parameters, context.ToolVersion, sections);
        w.ExpectServer(server);
        w.Line();

        if (isEdge)
        {
            w.Open("if ($CaChainPath)");
            w.Line("Import-CaChain -Path $CaChainPath");
            w.Close();
            w.Open("else");
            w.Line("Write-Warning 'No -CaChainPath: make sure the internal root CA is in Trusted Root and its intermediates in Intermediate Certification Authorities.'");
            w.Close();
            w.Line();
        }

        if (imported.Count > 0)
        {
            // Not a parameter default: Windows PowerShell 5.1 has no $PSScriptRoot yet when defaults are bound (-File).
            w.Line("if (-not $PfxPath) { $PfxPath = $PSScriptRoot }");
            foreach (var c in imported)
            {
                WriteImport(w, c, centralKeys.Contains(c.Id));
            }
        }

        foreach (var c in certificates.Where(c => !c.Usages.IsEmpty && !c.Usages.Contains(LyncUsage.OAuthTokenIssuer)))
        {
            WriteAssignment(w, c, RecordedFile(c));
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

    /// <summary>The thumbprint file beside this script: written by the request script or by the PFX import.</summary>
    private static string RecordedFile(PlannedCertificate c) =>
        $"(Join-Path -Path $PSScriptRoot -ChildPath {PowerShellText.Literal(c.Id + ".thumbprint")})";

    private static void WriteImport(ScriptWriter w, PlannedCertificate c, bool centralKey)
    {
        w.Comment(centralKey
            ? $"{c.Id}: its key was generated centrally (CertGenerateCsr); the build makes the PFX once the CA answered."
            : $"{c.Id} is shared: requested on {c.RequestingServer}, exported there with Export-EdgeCertificates.ps1 (again after each renewal).");
        var recorded = RecordedFile(c);
        w.FindCertificate("existing", c, "$RenewWithinDays", recorded, "-AllowMissing");
        w.Open("if (-not $existing)");
        w.Line($"$pfx = Join-Path -Path $PfxPath -ChildPath {PowerShellText.Literal(c.Id + ".pfx")}");
        w.Open("if (-not (Test-Path -LiteralPath $pfx))");
        w.Line($"Write-Warning ({PowerShellText.Literal(c.Id + ": no certificate that serves is here and there is no ")} + $pfx + {PowerShellText.Literal("; export it on " + c.RequestingServer + " and copy it here.")})");
        w.Close();
        w.Open($"elseif ($PSCmdlet.ShouldProcess({PowerShellText.Literal(c.Id)}, 'import the PFX into LocalMachine\\My'))");
        w.Line("if (-not $PfxPassword) { $PfxPassword = Read-Host -AsSecureString -Prompt 'Password of the PFX files exported on the requesting server' }");
        w.Step($"{c.Id}: importing the shared certificate and its key into LocalMachine\\My");
        w.Line("Import-MachinePfx -Path $pfx -Password $PfxPassword");
        w.FindCertificate("existing", c, "$RenewWithinDays", null, "-AllowMissing");
        w.Open("if (-not $existing)");
        w.Line($"throw ({PowerShellText.Literal(c.Id + ": ")} + $pfx + {PowerShellText.Literal(" holds no certificate valid for more than ")} + $RenewWithinDays + {PowerShellText.Literal(" days: export it again on " + c.RequestingServer + " after its renewal (Export-EdgeCertificates.ps1).")})");
        w.Close();
        w.Line($"Save-Thumbprint -Path {recorded} -Thumbprint $existing.Thumbprint");
        w.Close();
        w.Close();
        w.Line();
    }

    private static void WriteAssignment(ScriptWriter w, PlannedCertificate c, string recorded)
    {
        w.Comment($"{c.Id}: {string.Join(", ", c.Usages)}");
        FindServing(w, c, recorded);
        var direct = c.Usages.Where(u => !StagedUsages.ContainsKey(u)).ToList();
        if (direct.Count > 0)
        {
            w.Open($"if (Test-Assigned -Type {PowerShellText.Array(direct)} -Thumbprint $thumbprint)");
            w.Line($"Write-Step ({PowerShellText.Literal(c.Id + ": " + string.Join(", ", direct) + " already assigned, thumbprint ")} + $thumbprint)");
            w.Close();
            w.Open($"elseif ($PSCmdlet.ShouldProcess({PowerShellText.Literal(c.Id)}, {PowerShellText.Literal("Set-CsCertificate -Type " + string.Join(",", direct))}))");
            w.Line($"Write-Step ({PowerShellText.Literal(c.Id + ": assigning " + string.Join(", ", direct) + ", thumbprint ")} + $thumbprint)");
            w.Line($"Set-CsCertificate -Type {PowerShellText.Array(direct)} -Thumbprint $thumbprint -Confirm:$false");
            w.Close();
        }

        foreach (var usage in c.Usages.Where(StagedUsages.ContainsKey))
        {
            // Staged when a certificate is in effect (a renewal), at once at the first deployment.
            w.Line($"Set-StagedCertificate -Id {PowerShellText.Literal(c.Id)} -Type {usage} -Thumbprint $thumbprint -LeadHours {StagedUsages[usage]}");
        }

        w.Line();
    }

    /// <summary>
    /// $certificate and $thumbprint: the certificate that serves (beyond the renewal window), else one
    /// still valid (with a warning), else — only under -WhatIf — a placeholder.
    /// </summary>
    internal static void FindServing(ScriptWriter w, PlannedCertificate c, string recorded)
    {
        w.FindCertificate("certificate", c, "$RenewWithinDays", recorded, "-AllowMissing");
        w.Open("if (-not $certificate)");
        w.FindCertificate("certificate", c, "0", recorded, "-AllowMissing:$WhatIfPreference");
        w.Open("if ($certificate)");
        w.Line($"Write-Warning ({PowerShellText.Literal(c.Id + ": the only certificate here ends ")} + $certificate.NotAfter.ToString('u') + ', within ' + $RenewWithinDays + ' days; request its replacement (Request-Certificates.ps1).')");
        w.Close();
        w.Close();
        w.ThumbprintOfFound();
    }
}
