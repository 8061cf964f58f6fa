# Helper functions the generated scripts carry (no module to install on a server). Each region is a
# section; a script carries the sections it needs (ScriptHelpers.cs). Windows PowerShell 3.0 to 5.1:
# no ternary, no ??, no pipeline chains, no ?. member access, no classes, no ::new().
#region Core
function Write-Step {
    param([string] $Message)
    Write-Host ('[{0}] {1}' -f (Get-Date).ToString('s'), $Message)
}

# Test-IsElevated and Get-LocalFqdn are defined only when the caller has not, so a harness can run the
# scripts off Windows; on a server they are always these.
if (-not (Test-Path -Path Function:\Test-IsElevated)) {
    function Test-IsElevated {
        $identity = [System.Security.Principal.WindowsIdentity]::GetCurrent()
        $principal = New-Object -TypeName System.Security.Principal.WindowsPrincipal -ArgumentList $identity
        return $principal.IsInRole([System.Security.Principal.WindowsBuiltInRole]::Administrator)
    }
}

if (-not (Test-Path -Path Function:\Get-LocalFqdn)) {
    function Get-LocalFqdn {
        return [System.Net.Dns]::GetHostEntry([string]::Empty).HostName
    }
}

function Assert-Server {
    param([string] $Expected)
    $actual = Get-LocalFqdn
    if ($actual -ne $Expected) {
        Write-Warning ('This script was generated for {0} but runs on {1}.' -f $Expected, $actual)
    }
}
#endregion

#region Native
# Runs a native program (certreq.exe) and stops on a failure, with what its error codes mean here.
function Invoke-Native {
    param([string] $Command, [string[]] $Arguments)
    # Windows PowerShell 3.0–5.1 hands a native program each argument as it is, in double quotes when it
    # holds a space, but escapes no quote inside it and drops an empty one: such an argument would reach
    # the program as other arguments (an injected certreq -attrib). The build never makes one (CBT4009);
    # this refuses one rather than run it.
    foreach ($argument in $Arguments) {
        if ($argument -eq '' -or $argument.Contains('"') -or ($argument -match '\s' -and $argument.EndsWith('\'))) {
            throw ('{0}: the argument [{1}] cannot be passed to a native program intact' -f $Command, $argument)
        }
    }
    Write-Verbose ($Command + ' ' + ($Arguments -join ' '))
    # Windows PowerShell 5.1 turns a native program's stderr into error records, which 'Stop' would
    # make terminating before the exit code and its explanation are read: collect them as text.
    $preference = $ErrorActionPreference
    $ErrorActionPreference = 'Continue'
    try { $output = @(& $Command @Arguments 2>&1 | ForEach-Object { [string] $_ }) }
    finally { $ErrorActionPreference = $preference }
    if ($LASTEXITCODE -ne 0) {
        $text = ($output -join ' ')
        $hint = ''
        if ($text -match '0x800b0109|CERT_E_UNTRUSTEDROOT') {
            $hint = ' The CA''s root is not trusted on this server: import the CA chain first (-CaChainPath).'
        }
        elseif ($text -match '0x80092004|CRYPT_E_NOT_FOUND') {
            $hint = ' No pending request on this server matches the answer: accept it where the request was made.'
        }
        throw ('{0} {1} failed with exit code {2}: {3}{4}' -f $Command, $Arguments[0], $LASTEXITCODE, $text, $hint)
    }
    return $output
}

function Invoke-Certreq {
    param([string[]] $Arguments)
    return Invoke-Native -Command 'certreq.exe' -Arguments $Arguments
}

#endregion

#region Store
# A certificate of LocalMachine\My that can serve a planned certificate: with its private key, already
# valid, valid for more than -ValidDays days (a certificate in the renewal window is not one that
# serves), with the planned subject and at least the planned DNS names (a CA may add names; the gate
# reports them). Of those, a known thumbprint first (the build's gate, the one the request script
# recorded), else the newest. -Exclude leaves out thumbprints (the certificate being replaced).
function Find-PlannedCertificate {
    param(
        [string] $Id,
        [string] $Subject,
        [string[]] $DnsNames,
        [string[]] $Thumbprints = @(),
        [string] $FriendlyNameContains = '',
        [int] $ValidDays = 0,
        [string[]] $Exclude = @(),
        [switch] $AllowMissing
    )
    $now = Get-Date
    $horizon = $now.AddDays($ValidDays)
    $wanted = @($DnsNames | ForEach-Object { $_.ToLowerInvariant() })
    $found = @(Get-ChildItem -Path 'Cert:\LocalMachine\My' | Where-Object {
        $_.HasPrivateKey -and $_.NotBefore -le $now -and $_.NotAfter -gt $horizon -and ($Exclude -notcontains $_.Thumbprint)
    } | Where-Object {
        # A known thumbprint says which certificate it is, not that it still has what the plan asks
        # for: a plan that gained a name no longer takes the old certificate.
        $names = @(Get-DnsNames $_)
        $missing = @($wanted | Where-Object { $names -notcontains $_ })
        $simple = $_.GetNameInfo([System.Security.Cryptography.X509Certificates.X509NameType]::SimpleName, $false)
        ($missing.Count -eq 0) -and ($simple -eq $Subject) -and (-not $FriendlyNameContains -or ([string] $_.FriendlyName).IndexOf($FriendlyNameContains, [System.StringComparison]::OrdinalIgnoreCase) -ge 0)
    } | Sort-Object -Property @{ Expression = { $_.NotAfter }; Descending = $true })
    foreach ($thumbprint in @($Thumbprints | Where-Object { $_ })) {
        $known = @($found | Where-Object { $_.Thumbprint -eq $thumbprint })
        if ($known.Count -gt 0) { return $known[0] }
    }
    if ($found.Count -gt 0) { return $found[0] }
    if ($AllowMissing) { return $null }
    throw ('{0}: no certificate with its private key, subject {1} and all the planned DNS names, valid for more than {2} days, is in LocalMachine\My. Request and accept it first.' -f $Id, $Subject, $ValidDays)
}

# The DNS names of a certificate's subject alternative name extension, read from its DER bytes:
# PowerShell's DnsNameList parses the English "DNS Name=" text and is empty on other Windows languages.
function Get-DnsNames {
    param($Certificate)
    $extension = @($Certificate.Extensions | Where-Object { $_.Oid.Value -eq '2.5.29.17' })
    if ($extension.Count -eq 0) { return @() }
    $bytes = [byte[]] $extension[0].RawData
    $names = @()
    $at = 1
    $length = Read-DerLength $bytes ([ref] $at)
    $end = [Math]::Min($at + $length, $bytes.Length)
    while ($at -lt $end) {
        $tag = $bytes[$at]
        $at++
        $length = Read-DerLength $bytes ([ref] $at)
        if ($tag -eq 0x82) { $names += [System.Text.Encoding]::ASCII.GetString($bytes, $at, $length).ToLowerInvariant() }
        $at += $length
    }
    return $names
}

# A DER length (short or long form) at -At, which moves past it.
function Read-DerLength {
    param([byte[]] $Bytes, [ref] $At)
    $first = [int] $Bytes[$At.Value]
    $At.Value++
    if ($first -lt 0x80) { return $first }
    $length = 0
    for ($i = 0; $i -lt ($first -band 0x7F); $i++) {
        $length = ($length * 256) + [int] $Bytes[$At.Value]
        $At.Value++
    }
    return $length
}

# The first line of a file the scripts keep beside themselves (a marker, a request id), or ''.
function Get-FirstLine {
    param([string] $Path)
    if (-not $Path -or -not (Test-Path -LiteralPath $Path)) { return '' }
    $line = @(Get-Content -LiteralPath $Path) | Select-Object -First 1
    if (-not $line) { return '' }
    return ([string] $line).Trim()
}

# The thumbprint a request script recorded beside itself, or ''.
function Get-RecordedThumbprint {
    param([string] $Path)
    return ((Get-FirstLine $Path) -replace '[^0-9A-Fa-f]', '').ToUpperInvariant()
}

function Save-Thumbprint {
    param([string] $Path, [string] $Thumbprint)
    Set-Content -LiteralPath $Path -Value $Thumbprint -Encoding Ascii
}

# Each friendly name must be unique in the computer store: the planned one, or with (2), (3)… when a
# certificate there already has it (a second request in the same month).
function Get-UniqueFriendlyName {
    param([string] $Planned)
    $taken = @(Get-ChildItem -Path 'Cert:\LocalMachine\My' | ForEach-Object { [string] $_.FriendlyName })
    $name = $Planned
    $next = 2
    while ($taken -contains $name) {
        $name = '{0} ({1})' -f $Planned, $next
        $next++
    }
    return $name
}

function Test-IsAuthority {
    param($Certificate)
    $constraints = @($Certificate.Extensions | Where-Object { $_ -is [System.Security.Cryptography.X509Certificates.X509BasicConstraintsExtension] })
    return ($constraints.Count -gt 0 -and $constraints[0].CertificateAuthority)
}

# The end-entity certificate of a CA's answer (.cer, or .p7b with the chain), or $null.
function Get-AnswerCertificate {
    param([string] $Path)
    if (-not $Path -or -not (Test-Path -LiteralPath $Path)) { return $null }
    $collection = New-Object -TypeName System.Security.Cryptography.X509Certificates.X509Certificate2Collection
    try { $collection.Import((Resolve-Path -LiteralPath $Path).ProviderPath) }
    catch { return $null }
    $leaves = @($collection | Where-Object { -not (Test-IsAuthority $_) })
    if ($leaves.Count -eq 0) { return $null }
    return $leaves[0]
}

# An answer worth accepting: the CA's certificate for these names, valid for more than -ValidDays days.
function Test-UsableAnswer {
    param([string] $Path, [string] $Subject, [int] $ValidDays)
    $answer = Get-AnswerCertificate -Path $Path
    if (-not $answer) { return $false }
    $simple = $answer.GetNameInfo([System.Security.Cryptography.X509Certificates.X509NameType]::SimpleName, $false)
    return ($simple -eq $Subject -and $answer.NotAfter -gt (Get-Date).AddDays($ValidDays))
}
#endregion

#region Requests
# The INF to give certreq -new: the bundle's, or a copy beside it with another friendly name.
function Get-RequestInf {
    param([string] $Inf, [string] $FriendlyName, [string] $Planned)
    if ($FriendlyName -eq $Planned) { return $Inf }
    $copy = [System.IO.Path]::ChangeExtension($Inf, '.renew.inf')
    $lines = @(Get-Content -LiteralPath $Inf | ForEach-Object {
        if ($_ -match '^FriendlyName = ') { 'FriendlyName = "' + $FriendlyName.Replace('"', '""').Replace('%', '%%') + '"' } else { $_ }
    })
    Set-Content -LiteralPath $copy -Value $lines -Encoding Ascii
    return $copy
}

# A request made with certreq -new that still waits in this server's request store (its key is there).
function Test-PendingRequest {
    param([string] $Subject, [string] $FriendlyName)
    $pending = @(Get-ChildItem -Path 'Cert:\LocalMachine\REQUEST' -ErrorAction SilentlyContinue | Where-Object {
        $_.GetNameInfo([System.Security.Cryptography.X509Certificates.X509NameType]::SimpleName, $false) -eq $Subject -and
            ([string] $_.FriendlyName).StartsWith($FriendlyName, [System.StringComparison]::OrdinalIgnoreCase)
    })
    return ($pending.Count -gt 0)
}

# certreq -accept -machine an answer; then the installed certificate, found by its thumbprint with its
# key, is recorded beside the script for the assignment.
function Install-Answer {
    param([string] $Id, [string] $Path, [string] $ThumbprintFile)
    $answer = Get-AnswerCertificate -Path $Path
    if (-not $answer) { throw ('{0}: {1} holds no end-entity certificate' -f $Id, $Path) }
    Write-Step ('{0}: installing the CA''s answer with certreq -accept -machine' -f $Id)
    Invoke-Certreq -Arguments @('-accept', '-machine', '-f', '-q', (Resolve-Path -LiteralPath $Path).ProviderPath) | Out-Null
    $installed = @(Get-ChildItem -Path 'Cert:\LocalMachine\My' | Where-Object { $_.Thumbprint -eq $answer.Thumbprint -and $_.HasPrivateKey })
    if ($installed.Count -eq 0) { throw ('{0}: certreq -accept succeeded but {1} is not in LocalMachine\My with its private key' -f $Id, $answer.Thumbprint) }
    Save-Thumbprint -Path $ThumbprintFile -Thumbprint $answer.Thumbprint
    Write-Step ('{0}: installed {1}, valid until {2}' -f $Id, $answer.Thumbprint, $answer.NotAfter.ToString('u'))
}
#endregion

#region Platform
# Adds a certificate (with its key, when it has one) to a LocalMachine store with .NET's X509Store: what
# Windows Server 2008 R2, which has no PKI module, offers without putting a password on a command line.
# Defined only when the caller has not defined it, so a harness can run the scripts off Windows.
if (-not (Test-Path -Path Function:\Add-MachineStoreCertificate)) {
    function Add-MachineStoreCertificate {
        param($Certificate, [string] $StoreName)
        $store = New-Object -TypeName System.Security.Cryptography.X509Certificates.X509Store -ArgumentList $StoreName, 'LocalMachine'
        $store.Open([System.Security.Cryptography.X509Certificates.OpenFlags]::ReadWrite)
        try { $store.Add($Certificate) }
        finally { $store.Close() }
    }
}

# True when the PKI module of Windows Server 2012 and later is there (Windows Server 2008 R2 has none).
function Test-PkiModule {
    param([string] $Command)
    return [bool] (Get-Command -Name $Command -ErrorAction SilentlyContinue)
}
#endregion

#region Chain
# The CA chain (.p7b or .cer) into the machine's stores: roots (issuer = subject) to Trusted Root,
# the rest to Intermediate Certification Authorities (an intermediate in Trusted Root stops SfB
# services). What is there already is left alone. X509Store where the PKI module is missing.
function Import-CaChain {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param([string] $Path)
    $chain = New-Object -TypeName System.Security.Cryptography.X509Certificates.X509Certificate2Collection
    $chain.Import((Resolve-Path -LiteralPath $Path).ProviderPath)
    foreach ($ca in $chain) {
        $store = 'CA'
        if ($ca.Subject -eq $ca.Issuer) { $store = 'Root' }
        $present = @(Get-ChildItem -Path ('Cert:\LocalMachine\' + $store) | Where-Object { $_.Thumbprint -eq $ca.Thumbprint })
        if ($present.Count -gt 0) { continue }
        if ($PSCmdlet.ShouldProcess($ca.Subject, ('import into LocalMachine\' + $store))) {
            $file = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ($ca.Thumbprint + '.cer')
            [System.IO.File]::WriteAllBytes($file, $ca.RawData)
            Write-Step ('CA chain: ' + $ca.Subject + ' into LocalMachine\' + $store)
            if (Test-PkiModule 'Import-Certificate') {
                Import-Certificate -FilePath $file -CertStoreLocation ('Cert:\LocalMachine\' + $store) | Out-Null
            }
            else {
                Add-MachineStoreCertificate -Certificate $ca -StoreName $store
            }
            Remove-Item -LiteralPath $file
        }
    }
}
#endregion

#region Pfx
# A PFX into LocalMachine\My with an exportable key: Import-PfxCertificate, or on Windows Server 2008 R2
# the .NET collection import (machine key set, persisted, exportable) and X509Store.
function Import-MachinePfx {
    param([string] $Path, [System.Security.SecureString] $Password)
    if (Test-PkiModule 'Import-PfxCertificate') {
        Import-PfxCertificate -FilePath $Path -CertStoreLocation 'Cert:\LocalMachine\My' -Password $Password -Exportable | Out-Null
        return
    }
    $flags = [System.Security.Cryptography.X509Certificates.X509KeyStorageFlags] 'MachineKeySet, PersistKeySet, Exportable'
    $credential = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList 'pfx', $Password
    $collection = New-Object -TypeName System.Security.Cryptography.X509Certificates.X509Certificate2Collection
    $collection.Import((Resolve-Path -LiteralPath $Path).ProviderPath, $credential.GetNetworkCredential().Password, $flags)
    foreach ($certificate in @($collection | Where-Object { $_.HasPrivateKey })) {
        Add-MachineStoreCertificate -Certificate $certificate -StoreName 'My'
    }
}

# A certificate with its key into a PFX: Export-PfxCertificate with the chain, or on Windows Server 2008
# R2 X509Certificate2.Export (the certificate and its key; the chain comes with -CaChainPath). There is
# no Export-CsCertificate.
function Export-MachinePfx {
    param($Certificate, [string] $Path, [System.Security.SecureString] $Password)
    if (Test-PkiModule 'Export-PfxCertificate') {
        Export-PfxCertificate -Cert $Certificate -FilePath $Path -Password $Password -ChainOption BuildChain -Force | Out-Null
        return
    }
    $bytes = $Certificate.Export([System.Security.Cryptography.X509Certificates.X509ContentType]::Pfx, $Password)
    [System.IO.File]::WriteAllBytes($Path, $bytes)
}
#endregion

#region Lync
function Get-ReferenceDate {
    param($Reference, [string] $Name)
    $property = $Reference.PSObject.Properties[$Name]
    if (-not $property -or -not $property.Value) { return [datetime]::MinValue }
    return [datetime] $property.Value
}

# What Get-CsCertificate says of one usage now: the entry in effect (the latest whose EffectiveDate
# has come) and the staged ones (-Roll, EffectiveDate still ahead).
function Get-UsageState {
    param([string] $Type, [switch] $Global)
    # A failure to read the assignments must stop: taken for "nothing assigned" it would swap a token
    # certificate at once instead of staging it.
    if ($Global) { $entries = @(Get-CsCertificate -Identity 'Global' -Type $Type -ErrorAction Stop) }
    else { $entries = @(Get-CsCertificate -Type $Type -ErrorAction Stop) }
    $now = Get-Date
    $inEffect = @($entries | Where-Object { (Get-ReferenceDate $_ 'EffectiveDate') -le $now } | Sort-Object -Property @{ Expression = { Get-ReferenceDate $_ 'EffectiveDate' }; Descending = $true })
    $staged = @($entries | Where-Object { (Get-ReferenceDate $_ 'EffectiveDate') -gt $now })
    $current = $null
    if ($inEffect.Count -gt 0) { $current = $inEffect[0] }
    return New-Object -TypeName PSObject -Property @{ Current = $current; Staged = $staged; All = $entries }
}

# True when every usage in -Type is in effect with -Thumbprint (so the step can be skipped).
function Test-Assigned {
    param([string[]] $Type, [string] $Thumbprint, [switch] $Global)
    foreach ($usage in $Type) {
        $state = Get-UsageState -Type $usage -Global:$Global
        if (-not $state.Current -or $state.Current.Thumbprint -ne $Thumbprint) { return $false }
    }
    return $true
}

# OAuthTokenIssuer and AudioVideoAuthentication never switch at once: tokens the current certificate
# signed stay in use for up to 24 h (OAuth) or 8 h (A/V). The new certificate is staged with
# Set-CsCertificate -Roll -EffectiveDate (a [datetime], never a locale string) at a date at least
# -LeadHours before the current one ends: by default a day before that latest date, later when that
# has passed, but always at least an hour from now so that every server has it first. Without a
# current certificate (first deployment) or when it has ended, nothing is left to keep: assigned at once.
function Set-StagedCertificate {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [string] $Id,
        [string] $Type,
        [string] $Thumbprint,
        [int] $LeadHours,
        [switch] $Global,
        $EffectiveDate = $null,
        [switch] $AssignNow
    )
    $state = Get-UsageState -Type $Type -Global:$Global
    if ($state.Current -and $state.Current.Thumbprint -eq $Thumbprint) {
        Write-Step ('{0}: {1} is already in effect with {2}' -f $Id, $Type, $Thumbprint)
        return
    }
    $already = @($state.Staged | Where-Object { $_.Thumbprint -eq $Thumbprint })
    if ($already.Count -gt 0 -and (-not $EffectiveDate -or (Get-ReferenceDate $already[0] 'EffectiveDate') -eq [datetime] $EffectiveDate)) {
        Write-Step ('{0}: {1} is already staged with {2}, effective {3}' -f $Id, $Type, $Thumbprint, (Get-ReferenceDate $already[0] 'EffectiveDate').ToString('u'))
        return
    }
    $now = Get-Date
    $currentEnd = $null
    if ($state.Current) { $currentEnd = Get-ReferenceDate $state.Current 'NotAfter' }
    if ($AssignNow -or -not $state.Current -or $currentEnd -le $now) {
        if ($AssignNow -and $state.Current -and $currentEnd -gt $now) {
            Write-Warning ('{0}: assigning {1} at once although the current certificate is valid until {2}: tokens it signed fail until they are renewed.' -f $Id, $Type, $currentEnd.ToString('u'))
        }
        if ($PSCmdlet.ShouldProcess($Id, ('Set-CsCertificate -Type ' + $Type))) {
            Write-Step ('{0}: assigning {1}, thumbprint {2}' -f $Id, $Type, $Thumbprint)
            if ($Global) { Set-CsCertificate -Identity 'Global' -Type $Type -Thumbprint $Thumbprint -Confirm:$false }
            else { Set-CsCertificate -Type $Type -Thumbprint $Thumbprint -Confirm:$false }
        }
        return
    }
    $latest = $currentEnd.AddHours(-$LeadHours)
    $earliest = $now.AddHours(1)
    $moved = $false
    if ($EffectiveDate) { $effective = [datetime] $EffectiveDate }
    else {
        $effective = $latest.AddHours(-24)
        if ($effective -lt $earliest) { $effective = $earliest; $moved = $true }
    }
    if ($effective -gt $latest -or $effective -le $now) {
        throw ('{0}: {1} cannot be staged: the current certificate ends {2}, and the new one must take effect at least {3} h before that and after now ({4}). Run the roll-over script with -AssignNow to switch at once and accept a short interruption of {1}.' -f $Id, $Type, $currentEnd.ToString('u'), $LeadHours, $now.ToString('u'))
    }
    if ($moved) {
        # Every server that validates these tokens must hold the new certificate by this date; the other
        # servers of a pool would compute another "now", so they are told the date to use.
        Write-Warning ('{0}: the usual date has passed; {1} takes effect {2}. Stage the other servers of the pool with the same date: -EffectiveDate ''{3}''.' -f $Id, $Type, $effective.ToString('u'), $effective.ToString('s'))
    }
    if ($PSCmdlet.ShouldProcess($Id, ('Set-CsCertificate -Type ' + $Type + ' -Roll -EffectiveDate ' + $effective.ToString('u')))) {
        Write-Step ('{0}: staging {1} with {2}, effective {3} (the current certificate ends {4})' -f $Id, $Type, $Thumbprint, $effective.ToString('u'), $currentEnd.ToString('u'))
        if ($Global) { Set-CsCertificate -Identity 'Global' -Type $Type -Thumbprint $Thumbprint -Roll -EffectiveDate $effective -Confirm:$false }
        else { Set-CsCertificate -Type $Type -Thumbprint $Thumbprint -Roll -EffectiveDate $effective -Confirm:$false }
    }
}

# After a roll-over: Remove-CsCertificate -Previous, once the previous certificate has ended and the new
# one has been in effect for -LeadHours (the tokens the previous one signed have expired by then).
function Remove-PreviousCertificate {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param([string] $Type, [int] $LeadHours, [switch] $Global)
    $state = Get-UsageState -Type $Type -Global:$Global
    if ($state.Staged.Count -gt 0) {
        throw ('{0}: the new certificate takes effect {1}; remove the previous one only {2} h after that.' -f $Type, (Get-ReferenceDate $state.Staged[0] 'EffectiveDate').ToString('u'), $LeadHours)
    }
    if (@($state.All).Count -lt 2) {
        Write-Step ('{0}: no previous certificate to remove' -f $Type)
        return
    }
    $since = Get-ReferenceDate $state.Current 'EffectiveDate'
    $until = $since.AddHours($LeadHours)
    foreach ($previous in @($state.All | Where-Object { $_.Thumbprint -ne $state.Current.Thumbprint })) {
        # Microsoft: remove the previous certificate once it has expired (Exchange keeps OAuth token
        # material longer than the token lifetime).
        $end = Get-ReferenceDate $previous 'NotAfter'
        if ($end -gt $until) { $until = $end }
    }
    if ((Get-Date) -lt $until) {
        throw ('{0}: the new certificate took effect {1}; the previous one may still validate tokens until {2}. Remove it after that.' -f $Type, $since.ToString('u'), $until.ToString('u'))
    }
    if ($PSCmdlet.ShouldProcess($Type, 'Remove-CsCertificate -Previous')) {
        Write-Step ('{0}: removing the previous certificate' -f $Type)
        if ($Global) { Remove-CsCertificate -Identity 'Global' -Type $Type -Previous -Force -Confirm:$false }
        else { Remove-CsCertificate -Type $Type -Previous -Force -Confirm:$false }
    }
}
#endregion
