using System.Globalization;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;

namespace CertBuildTasks.Generation;

/// <summary>
/// servers/&lt;fqdn&gt;/Request-Certificates.ps1: requests every certificate whose key this server
/// generates, following each certificate's request mode — cmdlet (Request-CsCertificate online),
/// certreq (-new, -submit -config, -accept -machine on this server, which holds the pending key) or
/// offline (certreq -new now; -accept once the CA answered, with -ResponsePath). A certificate that is
/// already in the machine store with the planned subject and names is skipped, so runs are idempotent.
/// </summary>
internal static class RequestScriptGenerator
{
    public static GeneratedFile? Generate(CertificatePlan plan, string server, string toolVersion, GenerationOptions options)
    {
        var certificates = plan.RequestedFrom(server).ToList();
        if (certificates.Count == 0)
        {
            return null;
        }

        var centralKeys = options.CentralKeys;
        var w = options.NewScript();
        var help = certificates.Select(c => $"{c.Id}: {Describe(c)}").Prepend($"Run on {server}. Certificates requested here:").ToList();
        var parameters = new List<(string, string)>();
        if (certificates.Any(c => c.RequestMode == RequestMode.Cmdlet && !centralKeys.Contains(c.Id)))
        {
            parameters.Add(("[System.Management.Automation.PSCredential] $CaCredential", "Account for the enterprise CA (Request-CsCertificate -CaAccount/-CaPassword). Default: the signed-in user."));
        }

        var offline = certificates.Where(c => c.RequestMode == RequestMode.Offline && !centralKeys.Contains(c.Id)).ToList();
        if (offline.Count > 0)
        {
            parameters.Add(("[string] $ResponsePath", "Folder with the CA's answers, saved as <certificate id>.cer. When given, the script accepts them (certreq -accept -machine) instead of making requests."));
        }

        w.Header($"Requests the certificates whose private keys {server} generates.", help, parameters, toolVersion);
        w.ExpectServer(server);
        w.Line();

        if (offline.Count > 0)
        {
            w.Open("if ($ResponsePath)");
            foreach (var c in offline)
            {
                WriteAccept(w, c);
            }

            w.Step("Answers accepted. Next: run Set-Certificates.ps1 (see runbook.md).");
            w.Line("return");
            w.Close();
            w.Line();
        }

        foreach (var c in certificates.Where(c => centralKeys.Contains(c.Id)))
        {
            // The key already exists in the build's key store; a request here would make a second key.
            var submit = c.CertificateAuthority == AuthorityKind.Internal && c.CaConfig is { } config
                ? $"submit it with: certreq -submit -config \"{config}\" {c.Id}.csr {c.Id}.cer"
                : "send it to the " + (c.CertificateAuthority == AuthorityKind.Public ? "public" : "internal") + " CA";
            w.Step($"{c.Id}: its key was generated centrally by the build (CertGenerateCsr) with the request {c.Id}.csr; {submit}. Add the answer to the project as an IssuedCertificate: the build makes the PFX that Set-Certificates.ps1 imports.");
            w.Line();
        }

        foreach (var c in certificates.Where(c => !centralKeys.Contains(c.Id)))
        {
            w.Comment($"{c.Id}: {Describe(c)}");
            w.FindCertificate("existing", c, "-AllowMissing");
            w.Open("if ($existing)");
            w.Line($"Write-Step ({PowerShellText.Literal(c.Id + ": already in LocalMachine\\My with the planned names, thumbprint ")} + $existing.Thumbprint)");
            w.Close();
            w.Open("else");
            switch (c.RequestMode)
            {
                case RequestMode.Cmdlet:
                    WriteCmdlet(w, c);
                    break;
                case RequestMode.Certreq:
                    WriteCertreq(w, c);
                    break;
                default:
                    WriteOffline(w, c, plan.Policy.PublicCaName?.Value);
                    break;
            }

            w.Close();
            w.Line();
        }

        w.Step("Requests done. Next: see runbook.md.");
        return GeneratedFile.PowerShell($"{BundlePaths.Server(server)}/{BundlePaths.RequestScript}", w.ToString());
    }

    private static string Describe(PlannedCertificate c) =>
        $"{(c.Usages.IsEmpty ? "reverse proxy" : string.Join(", ", c.Usages))}, subject {c.SubjectName}, {c.RequestMode.ToString().ToLowerInvariant()} request to the {(c.CertificateAuthority == AuthorityKind.Public ? "public" : "internal")} CA";

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
        w.Line($"    FriendlyName = {PowerShellText.Literal(c.FriendlyName)}");
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
        w.Open($"if ($PSCmdlet.ShouldProcess({PowerShellText.Literal(c.Id)}, 'Request-CsCertificate'))");
        w.Step($"{c.Id}: requesting {string.Join(", ", c.Usages)} with Request-CsCertificate");
        w.Line("$certificate = Request-CsCertificate @request");
        w.Line($"Write-Step ({PowerShellText.Literal(c.Id + ": issued, thumbprint ")} + $certificate.Thumbprint)");
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

    private static void WriteFileVariables(ScriptWriter w, PlannedCertificate c)
    {
        w.Line($"$inf = Join-Path -Path $PSScriptRoot -ChildPath {PowerShellText.Literal(c.Id + ".inf")}");
        w.Line($"$req = Join-Path -Path $PSScriptRoot -ChildPath {PowerShellText.Literal(c.Id + ".req")}");
    }

    private static void WriteCertreq(ScriptWriter w, PlannedCertificate c)
    {
        var config = PowerShellText.Literal(c.CaConfig ?? string.Empty);
        WriteFileVariables(w, c);
        w.Line($"$cer = Join-Path -Path $PSScriptRoot -ChildPath {PowerShellText.Literal(c.Id + ".cer")}");
        w.Line($"$pending = Join-Path -Path $PSScriptRoot -ChildPath {PowerShellText.Literal(c.Id + ".requestid")}");
        w.Open("if (Test-Path -LiteralPath $cer)");
        w.Comment("The issued certificate is already here (the bundle carries it once the gate passed): accept it.");
        w.AcceptAnswer(c.Id);
        w.Close();
        w.Open("elseif (Test-Path -LiteralPath $pending)");
        w.Comment("Submitted before and pending approval: retrieve it instead of making a second key.");
        w.Line("$requestId = (@(Get-Content -LiteralPath $pending) | Select-Object -First 1).Trim()");
        w.Open($"if ($PSCmdlet.ShouldProcess({PowerShellText.Literal(c.Id)}, 'certreq -retrieve, -accept'))");
        w.Line($"Write-Step ({PowerShellText.Literal(c.Id + ": retrieving request ")} + $requestId)");
        w.Line($"Invoke-Certreq -Arguments @('-retrieve', '-f', '-q', '-config', {config}, $requestId, $cer) | Out-Null");
        WritePendingCheck(w, c);
        w.Line("Invoke-Certreq -Arguments @('-accept', '-machine', '-f', '-q', $cer) | Out-Null");
        w.Line("Remove-Item -LiteralPath $pending");
        w.Close();
        w.Close();
        w.Open($"elseif ($PSCmdlet.ShouldProcess({PowerShellText.Literal(c.Id)}, 'certreq -new, -submit, -accept'))");
        w.Step($"{c.Id}: creating the request and key with certreq -new");
        w.Line("Invoke-Certreq -Arguments @('-new', '-f', '-q', $inf, $req) | Out-Null");
        w.Step($"{c.Id}: submitting to {c.CaConfig}");
        w.Line($"$answer = Invoke-Certreq -Arguments @('-submit', '-f', '-q', '-config', {config}, $req, $cer)");
        w.Open("if (-not (Test-Path -LiteralPath $cer))");
        w.Line(@"$match = [regex]::Match(($answer -join ' '), 'RequestId:\s*""?(\d+)')");
        w.Line("if ($match.Success) { Set-Content -LiteralPath $pending -Value $match.Groups[1].Value }");
        w.Close();
        WritePendingCheck(w, c);
        w.Step($"{c.Id}: installing the issued certificate with certreq -accept -machine");
        w.Line("Invoke-Certreq -Arguments @('-accept', '-machine', '-f', '-q', $cer) | Out-Null");
        w.Close();
    }

    private static void WritePendingCheck(ScriptWriter w, PlannedCertificate c)
    {
        w.Open("if (-not (Test-Path -LiteralPath $cer))");
        w.Line($"throw {PowerShellText.Literal(c.Id + ": the CA has not issued the certificate yet (pending approval). Run this script again once it is approved: it retrieves and accepts it.")}");
        w.Close();
    }

    private static void WriteOffline(ScriptWriter w, PlannedCertificate c, string? publicCa)
    {
        WriteFileVariables(w, c);
        w.Open($"if ($PSCmdlet.ShouldProcess({PowerShellText.Literal(c.Id)}, 'certreq -new'))");
        w.Step($"{c.Id}: creating the request and key with certreq -new");
        w.Line("Invoke-Certreq -Arguments @('-new', '-f', '-q', $inf, $req) | Out-Null");
        var ca = c.CertificateAuthority == AuthorityKind.Public ? "the public CA" + (publicCa is null ? string.Empty : " (" + publicCa + ")") : "the internal CA";
        w.Line($"Write-Step ({PowerShellText.Literal(c.Id + ": send ")} + $req + {PowerShellText.Literal(" to " + ca + ". Save its answer as " + c.Id + ".cer and run this script again with -ResponsePath <folder>.")})");
        w.Close();
    }

    private static void WriteAccept(ScriptWriter w, PlannedCertificate c)
    {
        w.Line($"$cer = Join-Path -Path $ResponsePath -ChildPath {PowerShellText.Literal(c.Id + ".cer")}");
        w.Open("if (Test-Path -LiteralPath $cer)");
        w.AcceptAnswer(c.Id);
        w.Close();
        w.Open("else");
        w.Line($"Write-Warning ({PowerShellText.Literal(c.Id + ": no answer found at ")} + $cer)");
        w.Close();
    }
}
