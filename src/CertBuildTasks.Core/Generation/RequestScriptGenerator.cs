using System.Globalization;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;

namespace CertBuildTasks.Generation;

/// <summary>
/// servers/&lt;fqdn&gt;/Request-Certificates.ps1: requests every certificate whose key this server
/// generates, following each certificate's request mode — cmdlet (Request-CsCertificate online),
/// certreq (-new, -submit -config, -accept -machine) or offline (certreq -new now; -accept once the
/// CA answered). The same script serves the first deployment and every renewal: a certificate that
/// serves (valid for more than the renewal window) is left alone, one that ends within it is replaced
/// with a new key. Every path remembers where it is, so a second run never makes a second key: the
/// recorded thumbprint, the pending request id of the CA, the marker of a request sent by hand.
/// </summary>
internal static class RequestScriptGenerator
{
    public static GeneratedFile? Generate(ScriptContext context, string server)
    {
        var plan = context.Plan;
        var certificates = plan.RequestedFrom(server).ToList();
        if (certificates.Count == 0)
        {
            return null;
        }

        var centralKeys = context.Options.CentralKeys;
        var own = certificates.Where(c => !centralKeys.Contains(c.Id)).ToList();
        var isEdge = certificates.Any(c => c.Kind is CertificateKind.EdgeInternal or CertificateKind.EdgeExternal);
        var help = certificates.Select(c => $"{c.Id}: {Describe(c)}").Prepend($"Run on {server}. Certificates requested here:").ToList();
        var parameters = new List<(string, string)>();
        if (own.Any(c => c.RequestMode == RequestMode.Cmdlet))
        {
            parameters.Add(("[System.Management.Automation.PSCredential] $CaCredential", "Account for the enterprise CA (Request-CsCertificate -CaAccount/-CaPassword). Default: the signed-in user."));
        }

        var offline = own.Any(c => c.RequestMode == RequestMode.Offline);
        if (offline)
        {
            parameters.Add(("[string] $ResponsePath", "Folder with the CA's answers, saved as <certificate id>.cer (or .p7b with the chain). The answers found there are accepted (certreq -accept -machine)."));
            parameters.Add(("[switch] $NewRequest", "Discard a request that still waits for the CA's answer and make a new one (a new key)."));
        }

        var acceptsAnswers = own.Any(c => c.RequestMode != RequestMode.Cmdlet);
        if (isEdge || acceptsAnswers)
        {
            parameters.Add(("[string] $CaChainPath", "The CA chain (.p7b or .cer) to trust before any answer is accepted: certreq -accept fails against an untrusted root (0x800b0109). Roots go to Trusted Root, intermediates to Intermediate Certification Authorities."));
        }

        parameters.Add(ScriptWriter.RenewWithinDaysParameter(context.RenewWithinDays));
        var sections = HelperSections.Store | (acceptsAnswers ? HelperSections.Requests : HelperSections.None) | (isEdge || acceptsAnswers ? HelperSections.Chain : HelperSections.None);
        var w = context.NewScript();
        w.Header($"Requests the certificates whose private keys {server} generates, and their replacements at renewal.", help, parameters, context.ToolVersion, sections);
        w.ExpectServer(server);
        w.Line("$pendingApproval = @()");
        w.Line();
        if (parameters.Any(p => p.Item1.Contains("$CaChainPath", StringComparison.Ordinal)))
        {
            w.Comment("The chain first: certreq -accept needs a trusted root, and a workgroup Edge has none of the internal CA's.");
            w.Open("if ($CaChainPath)");
            w.Line("Import-CaChain -Path $CaChainPath");
            w.Close();
            if (isEdge)
            {
                w.Open("else");
                w.Line("Write-Warning 'No -CaChainPath: the internal CA chain must already be trusted here, or accepting its answers fails (0x800b0109).'");
                w.Close();
            }

            w.Line();
        }

        foreach (var c in certificates.Where(c => centralKeys.Contains(c.Id)))
        {
            // The key already exists in the build's key store; a request here would make a second key.
            var submit = c.CertificateAuthority == AuthorityKind.Internal && c.CaConfig is { } config
                ? $"submit it to {config} (certreq -submit -config <CA> {c.Id}.csr {c.Id}.cer)"
                : "send it to the " + (c.CertificateAuthority == AuthorityKind.Public ? "public" : "internal") + " CA";
            w.Step($"{c.Id}: its key was generated centrally by the build (CertGenerateCsr) with the request {c.Id}.csr; {submit}. Add the answer to the project as an IssuedCertificate: the build makes the PFX that Set-Certificates.ps1 imports.");
            w.Line();
        }

        foreach (var c in own)
        {
            WriteCertificate(w, c, plan.Policy.PublicCaName?.Value);
        }

        w.Open("if ($pendingApproval.Count -gt 0)");
        w.Line("throw ('Waiting for the CA: ' + ($pendingApproval -join '; ') + '. Run this script again once the CA has answered: it completes the requests without new keys.')");
        w.Close();
        w.Step("Requests done. Next: see runbook.md.");
        return GeneratedFile.PowerShell($"{BundlePaths.Server(server)}/{BundlePaths.RequestScript}", w.ToString());
    }

    public static string Describe(PlannedCertificate c) =>
        $"{(c.Usages.IsEmpty ? c.Kind == CertificateKind.OfficeWebApps ? "Office Web Apps farm" : "reverse proxy" : string.Join(", ", c.Usages))}, subject {c.SubjectName}, {c.RequestMode.ToString().ToLowerInvariant()} request to the {(c.CertificateAuthority == AuthorityKind.Public ? "public" : "internal")} CA";

    /// <summary>One certificate's block: leave a serving certificate alone, else request (or complete) its replacement.</summary>
    internal static void WriteCertificate(ScriptWriter w, PlannedCertificate c, string? publicCa)
    {
        w.Comment($"{c.Id}: {Describe(c)}");
        WriteFileVariables(w, c);
        w.FindCertificate("existing", c, "$RenewWithinDays", "$thumbprintFile", "-AllowMissing");
        w.Open("if ($existing)");
        w.Line($"Write-Step ({PowerShellText.Literal(c.Id + ": in LocalMachine\\My, thumbprint ")} + $existing.Thumbprint + ', valid until ' + $existing.NotAfter.ToString('u'))");
        w.Line("Save-Thumbprint -Path $thumbprintFile -Thumbprint $existing.Thumbprint");
        w.Close();
        w.Open("else");
        w.FindCertificate("ending", c, "0", "$thumbprintFile", "-AllowMissing");
        w.Open("if ($ending)");
        w.Line($"Write-Step ({PowerShellText.Literal(c.Id + ": the certificate in service (")} + $ending.Thumbprint + ') ends ' + $ending.NotAfter.ToString('u') + ', within ' + $RenewWithinDays + ' days: requesting its replacement with a new key')");
        w.Close();
        switch (c.RequestMode)
        {
            case RequestMode.Cmdlet:
                WriteCmdlet(w, c);
                break;
            case RequestMode.Certreq:
                WriteCertreq(w, c);
                break;
            default:
                WriteOffline(w, c, publicCa);
                break;
        }

        w.Close();
        w.Line();
    }

    private static void WriteFileVariables(ScriptWriter w, PlannedCertificate c)
    {
        foreach (var (variable, suffix) in new[] { ("inf", ".inf"), ("req", ".req"), ("cer", ".cer"), ("chainFile", ".chain.p7b"), ("thumbprintFile", ".thumbprint"), ("marker", ".requested"), ("pendingFile", ".requestid") })
        {
            w.Line($"${variable} = Join-Path -Path $PSScriptRoot -ChildPath {PowerShellText.Literal(c.Id + suffix)}");
        }
    }

    private static void WriteCmdlet(ScriptWriter w, PlannedCertificate c)
    {
        w.Line("$request = @{");
        w.Line("    New = $true");
        w.Line($"    Type = {PowerShellText.Array(c.Usages)}");
        if (c.Kind != CertificateKind.OAuthTokenIssuer && c.RequestingServer is { } computer)
        {
            // Always the computer name: the cmdlet puts the pool FQDN into the subject itself.
            w.Line($"    ComputerFqdn = {PowerShellText.Literal(computer)}");
        }

        w.Line($"    DomainName = {PowerShellText.Literal(string.Join(",", c.SanNames))}");
        w.Line(string.Create(CultureInfo.InvariantCulture, $"    KeySize = {c.KeySize}"));
        w.Line($"    PrivateKeyExportable = {PowerShellText.Bool(c.ExportablePrivateKey)}");
        if (c.Template is { } template)
        {
            w.Line($"    Template = {PowerShellText.Literal(template)}");
        }

        if (c.CaConfig is { } ca)
        {
            w.Line($"    CA = {PowerShellText.Literal(ca)}");
        }

        if (c.EnhancedKeyUsages.Contains(EnhancedKeyUsageOids.ClientAuthentication))
        {
            w.Line("    ClientEKU = $true");
        }

        WriteSubjectParameters(w, c.Subject);
        w.Line("}");
        w.Open("if ($CaCredential)");
        w.Line("$request['CaAccount'] = $CaCredential.UserName");
        w.Line("$request['CaPassword'] = $CaCredential.GetNetworkCredential().Password");
        w.Close();
        w.Open("if (Test-Path -LiteralPath $pendingFile)");
        w.Comment("Requested before and held for approval: retrieve that request instead of making a second key.");
        w.Open($"if ($PSCmdlet.ShouldProcess({PowerShellText.Literal(c.Id)}, 'Request-CsCertificate -Retrieve'))");
        w.Line("$held = @((Get-FirstLine $pendingFile).Split(',') | Where-Object { $_ -match '^[0-9]+$' })");
        w.Open("foreach ($requestId in $held)");
        w.Comment("A revoked or denied request makes -Retrieve fail; that must not stop the others.");
        w.Line("try { Request-CsCertificate -Retrieve -RequestId ([int] $requestId) | Out-Null }");
        w.Line($"catch {{ Write-Warning ({PowerShellText.Literal(c.Id + ": retrieving request ")} + $requestId + ': ' + $_.Exception.Message) }}");
        w.Close();
        w.FindCertificate("certificate", c, "$RenewWithinDays", null, "-AllowMissing");
        w.Open("if ($certificate)");
        w.Line("Save-Thumbprint -Path $thumbprintFile -Thumbprint $certificate.Thumbprint");
        w.Line("Remove-Item -LiteralPath $pendingFile");
        w.Line($"Write-Step ({PowerShellText.Literal(c.Id + ": issued after approval, thumbprint ")} + $certificate.Thumbprint)");
        w.Close();
        w.Open("else");
        w.Line($"$pendingApproval += ({PowerShellText.Literal(c.Id + " (Request-CsCertificate request ")} + ($held -join ', ') + ' held by the CA for approval)')");
        w.Close();
        w.Close();
        w.Close();
        w.Open($"elseif ($PSCmdlet.ShouldProcess({PowerShellText.Literal(c.Id)}, 'Request-CsCertificate'))");
        w.Line($"$request['FriendlyName'] = Get-UniqueFriendlyName -Planned {PowerShellText.Literal(c.FriendlyName)}");
        w.Comment("The requests the cmdlet already holds, so that one it adds now can be told apart.");
        w.Line("$before = @(Request-CsCertificate -List | ForEach-Object { [string] $_.RequestId })");
        w.Step($"{c.Id}: requesting {string.Join(", ", c.Usages)} with Request-CsCertificate");
        w.Line("$certificate = Request-CsCertificate @request");
        w.Open("if ($certificate -and $certificate.PSObject.Properties['Thumbprint'] -and $certificate.Thumbprint)");
        w.Line("Save-Thumbprint -Path $thumbprintFile -Thumbprint $certificate.Thumbprint");
        w.Line($"Write-Step ({PowerShellText.Literal(c.Id + ": issued, thumbprint ")} + $certificate.Thumbprint)");
        w.Close();
        w.Open("else");
        w.Line("$held = @(Request-CsCertificate -List | ForEach-Object { [string] $_.RequestId } | Where-Object { $before -notcontains $_ })");
        w.Line("Set-Content -LiteralPath $pendingFile -Value ($held -join ',') -Encoding Ascii");
        w.Line($"$pendingApproval += ({PowerShellText.Literal(c.Id + " (Request-CsCertificate request ")} + ($held -join ', ') + ' held by the CA for approval)')");
        w.Close();
        w.Close();
    }

    private static void WriteSubjectParameters(ScriptWriter w, SubjectRdns subject)
    {
        if (subject.Organization is { } o)
        {
            w.Line($"    Organization = {PowerShellText.Literal(o.Value)}");
        }

        if (subject.OrganizationalUnit is { } ou)
        {
            w.Line($"    OU = {PowerShellText.Literal(ou.Value)}");
        }

        if (subject.Locality is { } l)
        {
            w.Line($"    City = {PowerShellText.Literal(l.Value)}");
        }

        if (subject.State is { } s)
        {
            w.Line($"    State = {PowerShellText.Literal(s.Value)}");
        }

        if (subject.Country is { } c)
        {
            w.Line($"    Country = {PowerShellText.Literal(c.Value)}");
        }
    }

    /// <summary>certreq -new with a friendly name no certificate of the store has, the key kept pending here.</summary>
    private static void WriteNewRequest(ScriptWriter w, PlannedCertificate c)
    {
        w.Line($"$friendlyName = Get-UniqueFriendlyName -Planned {PowerShellText.Literal(c.FriendlyName)}");
        w.Step($"{c.Id}: creating the request and its key with certreq -new");
        w.Line($"Invoke-Certreq -Arguments @('-new', '-f', '-q', (Get-RequestInf -Inf $inf -FriendlyName $friendlyName -Planned {PowerShellText.Literal(c.FriendlyName)}), $req) | Out-Null");
        w.Line("Set-Content -LiteralPath $marker -Value (Get-Date).ToString('o') -Encoding Ascii");
    }

    /// <summary>The chain the build's gate bundled beside the answer, trusted before the answer is accepted.</summary>
    private static void WriteBundledChain(ScriptWriter w)
    {
        w.Open("if (-not $CaChainPath -and (Test-Path -LiteralPath $chainFile))");
        w.Line("Import-CaChain -Path $chainFile");
        w.Close();
    }

    private static void WriteCertreq(ScriptWriter w, PlannedCertificate c)
    {
        var config = PowerShellText.Literal(c.CaConfig ?? string.Empty);
        w.Open($"if (Test-UsableAnswer -Path $cer -Subject {PowerShellText.Literal(c.SubjectName)} -ValidDays $RenewWithinDays)");
        w.Comment("The CA's answer is here (certreq -submit wrote it, or the bundle carries it once the gate passed): accept it.");
        w.Open($"if ($PSCmdlet.ShouldProcess({PowerShellText.Literal(c.Id)}, 'certreq -accept -machine'))");
        WriteBundledChain(w);
        w.Line($"Install-Answer -Id {PowerShellText.Literal(c.Id)} -Path $cer -ThumbprintFile $thumbprintFile");
        w.Line("if (Test-Path -LiteralPath $pendingFile) { Remove-Item -LiteralPath $pendingFile }");
        w.Close();
        w.Close();
        w.Open("elseif (Test-Path -LiteralPath $pendingFile)");
        w.Comment("Submitted before and held for approval: retrieve it instead of making a second key.");
        w.Line("$requestId = Get-FirstLine $pendingFile");
        w.Open($"if ($PSCmdlet.ShouldProcess({PowerShellText.Literal(c.Id)}, 'certreq -retrieve'))");
        w.Line($"Write-Step ({PowerShellText.Literal(c.Id + ": retrieving request ")} + $requestId)");
        w.Line($"Invoke-Certreq -Arguments @('-retrieve', '-f', '-q', '-config', {config}, $requestId, $cer) | Out-Null");
        WriteAcceptOrWait(w, c);
        w.Close();
        w.Close();
        w.Open($"elseif ($PSCmdlet.ShouldProcess({PowerShellText.Literal(c.Id)}, 'certreq -new, -submit, -accept'))");
        WriteNewRequest(w, c);
        w.Step($"{c.Id}: submitting to {c.CaConfig}");
        w.Line("if (Test-Path -LiteralPath $cer) { Remove-Item -LiteralPath $cer }");
        w.Line($"$answer = Invoke-Certreq -Arguments @('-submit', '-f', '-q', '-config', {config}, $req, $cer)");
        w.Line(@"$match = [regex]::Match(($answer -join ' '), 'RequestId:\s*""?(\d+)')");
        w.Line("if ($match.Success) { Set-Content -LiteralPath $pendingFile -Value $match.Groups[1].Value -Encoding Ascii }");
        WriteAcceptOrWait(w, c);
        w.Close();
    }

    /// <summary>After -submit or -retrieve: accept what the CA issued, or say it is held for approval.</summary>
    private static void WriteAcceptOrWait(ScriptWriter w, PlannedCertificate c)
    {
        w.Open("if (Test-Path -LiteralPath $cer)");
        WriteBundledChain(w);
        w.Line($"Install-Answer -Id {PowerShellText.Literal(c.Id)} -Path $cer -ThumbprintFile $thumbprintFile");
        w.Line("if (Test-Path -LiteralPath $pendingFile) { Remove-Item -LiteralPath $pendingFile }");
        w.Line("if (Test-Path -LiteralPath $marker) { Remove-Item -LiteralPath $marker }");
        w.Close();
        w.Open("else");
        w.Line($"$pendingApproval += ({PowerShellText.Literal(c.Id + " (request ")} + (Get-FirstLine $pendingFile) + ' held by the CA for approval)')");
        w.Close();
    }

    private static void WriteOffline(ScriptWriter w, PlannedCertificate c, string? publicCa)
    {
        var ca = c.CertificateAuthority == AuthorityKind.Public
            ? "the public CA" + (publicCa is null ? string.Empty : " (" + publicCa + ")")
            : "the internal CA" + (c.CaConfig is null ? string.Empty : " (" + c.CaConfig + ", from a machine that can reach it)");
        w.Line("$answer = $null");
        w.Line("$candidates = @($cer)");
        w.Line($"if ($ResponsePath) {{ $candidates = @((Join-Path -Path $ResponsePath -ChildPath {PowerShellText.Literal(c.Id + ".p7b")}), (Join-Path -Path $ResponsePath -ChildPath {PowerShellText.Literal(c.Id + ".cer")})) + $candidates }}");
        w.Open("foreach ($candidate in $candidates)");
        w.Line($"if (-not $answer -and (Test-UsableAnswer -Path $candidate -Subject {PowerShellText.Literal(c.SubjectName)} -ValidDays $RenewWithinDays)) {{ $answer = $candidate }}");
        w.Close();
        w.Open("if ($answer)");
        w.Open($"if ($PSCmdlet.ShouldProcess({PowerShellText.Literal(c.Id)}, 'certreq -accept -machine'))");
        WriteBundledChain(w);
        w.Line($"Install-Answer -Id {PowerShellText.Literal(c.Id)} -Path $answer -ThumbprintFile $thumbprintFile");
        w.Line("if (Test-Path -LiteralPath $marker) { Remove-Item -LiteralPath $marker }");
        w.Close();
        w.Close();
        w.Open($"elseif (-not $NewRequest -and (Test-Path -LiteralPath $marker) -and (Test-Path -LiteralPath $req) -and (Test-PendingRequest -Subject {PowerShellText.Literal(c.SubjectName)} -FriendlyName {PowerShellText.Literal(c.FriendlyName)}))");
        w.Comment("Requested before: its key waits in this server's request store. A new request would make a second key.");
        w.Line($"Write-Step ({PowerShellText.Literal(c.Id + ": waiting for the answer to ")} + $req + ' (made ' + (Get-FirstLine $marker) + '): ' + {PowerShellText.Literal("send it to " + ca + ", save the answer as " + c.Id + ".cer and run this script again with -ResponsePath <folder>.")})");
        w.Close();
        w.Open($"elseif ($PSCmdlet.ShouldProcess({PowerShellText.Literal(c.Id)}, 'certreq -new'))");
        WriteNewRequest(w, c);
        w.Line($"Write-Step ({PowerShellText.Literal(c.Id + ": send ")} + $req + {PowerShellText.Literal(" to " + ca + ". Save its answer as " + c.Id + ".cer and run this script again with -ResponsePath <folder>.")})");
        w.Close();
    }
}
