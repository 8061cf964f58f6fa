# Strict stand-ins for every command the generated scripts call, built from the documented parameter
# sets (Request/Set/Get/Import/Remove-CsCertificate, Test-CsCertificateConfiguration, certreq,
# Export/Import-PfxCertificate, Import-Certificate). An unknown command or parameter fails the call.
# Every call is recorded in $global:CertCalls; certificates live in a fake LocalMachine\My store.
Set-StrictMode -Version 3.0

$global:CertCalls = New-Object System.Collections.ArrayList
$global:CsAssigned = @{}
$global:FakeStore = New-Object System.Collections.ArrayList
$global:PfxContents = @{}
$global:LocalFqdn = 'unset.example.com'
$global:CertreqPending = $false
$global:CertTypes = @('AccessEdgeExternal', 'AudioVideoAuthentication', 'DataEdgeExternal', 'Default', 'External', 'Internal',
    'iPadAPNService', 'iPhoneAPNService', 'LogRetentionService', 'MPNService', 'OAuthTokenIssuer', 'PICWebService',
    'ProvisionService', 'SMPDNSWebService', 'TenantAdmin', 'UpgradeEngineService', 'WebServicesExternal',
    'WebServicesInternal', 'WsFedTokenTransfer', 'XMPPServer')

function global:Add-CertCall {
    param([string] $Name, $Bound)
    $copy = @{}
    foreach ($key in $Bound.Keys) { $copy[$key] = $Bound[$key] }
    [void] $global:CertCalls.Add([pscustomobject] @{ Command = $Name; Parameters = $copy })
}

function global:Assert-CertType {
    param([string[]] $Type)
    foreach ($t in $Type) {
        if ($global:CertTypes -notcontains $t) { throw "stand-in: '$t' is not a CertType value" }
    }
}

function global:Test-IsElevated { return $true }
function global:Get-LocalFqdn { return $global:LocalFqdn }
function global:Read-Host { throw 'stand-in: the script prompted (Read-Host) although the test passed every input' }

function global:New-FakeCertificate {
    param([string] $Subject, [string[]] $DnsNames, [string] $Thumbprint, [datetime] $NotAfter)
    $names = @($DnsNames | ForEach-Object { [pscustomobject] @{ Unicode = $_ } })
    $certificate = [pscustomobject] @{ Subject = 'CN=' + $Subject; SimpleName = $Subject; Thumbprint = $Thumbprint; NotAfter = $NotAfter; HasPrivateKey = $true; DnsNameList = $names }
    $certificate | Add-Member -MemberType ScriptMethod -Name GetNameInfo -Value { param($nameType, $forIssuer) return $this.SimpleName }
    return $certificate
}

function global:Get-ChildItem {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)] [string] $Path)
    if ($Path -ne 'Cert:\LocalMachine\My') { throw "stand-in Get-ChildItem serves only Cert:\LocalMachine\My, not $Path" }
    return $global:FakeStore.ToArray()
}

function global:Request-CsCertificate {
    [CmdletBinding(DefaultParameterSetName = 'ByNew', SupportsShouldProcess = $true)]
    param(
        [Parameter(ParameterSetName = 'ByNew', Mandatory = $true)] [switch] $New,
        [Parameter(ParameterSetName = 'ByNew', Mandatory = $true)] [string[]] $Type,
        [Parameter(ParameterSetName = 'ByNew')] [string] $CA,
        [Parameter(ParameterSetName = 'ByNew')] [string] $CaAccount,
        [Parameter(ParameterSetName = 'ByNew')] [string] $CaPassword,
        [Parameter(ParameterSetName = 'ByNew')] [string] $City,
        [Parameter(ParameterSetName = 'ByNew')] [bool] $ClientEKU,
        [Parameter(ParameterSetName = 'ByNew')] [string] $ComputerFqdn,
        [Parameter(ParameterSetName = 'ByNew')] [string] $Country,
        [Parameter(ParameterSetName = 'ByNew')] [string] $DomainName,
        [Parameter(ParameterSetName = 'ByNew')] [string] $FriendlyName,
        [Parameter(ParameterSetName = 'ByNew')] [string] $GlobalCatalog,
        [Parameter(ParameterSetName = 'ByNew')] [string] $GlobalSettingsDomainController,
        [Parameter(ParameterSetName = 'ByNew')] [ValidateSet('RSA', 'ECDH_P256', 'ECDH_P384', 'ECDH_P521')] [string] $KeyAlg,
        [Parameter(ParameterSetName = 'ByNew')] [ValidateSet(1024, 2048, 4096)] [int] $KeySize,
        [Parameter(ParameterSetName = 'ByNew')] [string] $Organization,
        [Parameter(ParameterSetName = 'ByNew')] [string] $OU,
        [Parameter(ParameterSetName = 'ByNew')] [string] $Output,
        [Parameter(ParameterSetName = 'ByNew')] [bool] $PrivateKeyExportable,
        [Parameter(ParameterSetName = 'ByNew')] [string] $State,
        [Parameter(ParameterSetName = 'ByNew')] [string] $Template,
        [Parameter(ParameterSetName = 'ByNew')] [switch] $AllSipDomain,
        [Parameter(ParameterSetName = 'ByClear', Mandatory = $true)] [switch] $Clear,
        [Parameter(ParameterSetName = 'ByList', Mandatory = $true)] [switch] $List,
        [Parameter(ParameterSetName = 'ByRetrieve', Mandatory = $true)] [switch] $Retrieve,
        [Parameter(ParameterSetName = 'ByClear')] [Parameter(ParameterSetName = 'ByList')] [Parameter(ParameterSetName = 'ByRetrieve')] [int] $RequestId,
        [switch] $Force,
        [string] $Report
    )
    if ($PSCmdlet.ParameterSetName -eq 'ByNew') { Assert-CertType $Type }
    Add-CertCall 'Request-CsCertificate' $PSBoundParameters
    return [pscustomobject] @{ Thumbprint = 'REQUESTED' + $global:CertCalls.Count }
}

function global:Set-CsCertificate {
    [CmdletBinding(DefaultParameterSetName = 'ByThumbprint', SupportsShouldProcess = $true)]
    param(
        [Parameter(ParameterSetName = 'ByReference', Mandatory = $true)] $Reference,
        [Parameter(ParameterSetName = 'ByThumbprint', Mandatory = $true)] [string] $Thumbprint,
        [Parameter(ParameterSetName = 'ByPath', Mandatory = $true)] [string] $Path,
        [Parameter(ParameterSetName = 'ByPath')] [string] $Password,
        [Parameter(ParameterSetName = 'ByReference')] [Parameter(ParameterSetName = 'ByThumbprint')] [string] $NetportId,
        [Parameter(ParameterSetName = 'ByReference')] [Parameter(ParameterSetName = 'ByThumbprint')] [Parameter(ParameterSetName = 'ByPath', Mandatory = $true)] [string[]] $Type,
        [Parameter(ParameterSetName = 'ByReference')] [Parameter(ParameterSetName = 'ByThumbprint')] [Parameter(ParameterSetName = 'ByPath', Mandatory = $true)] [string] $Identity,
        [datetime] $EffectiveDate,
        [switch] $Roll,
        [switch] $Force,
        [string] $Report
    )
    Assert-CertType $Type
    if ($Roll -and -not $PSBoundParameters.ContainsKey('EffectiveDate')) { throw 'stand-in: -Roll requires -EffectiveDate' }
    Add-CertCall 'Set-CsCertificate' $PSBoundParameters
    $scope = 'Local'
    if ($Identity) { $scope = $Identity }
    foreach ($t in $Type) { $global:CsAssigned[$scope + '|' + $t] = $Thumbprint }
}

function global:Get-CsCertificate {
    [CmdletBinding()]
    param([string[]] $Type, [string] $NetportId, [string] $Report, [Parameter(Position = 0)] [string] $Identity)
    if ($Type) { Assert-CertType $Type }
    Add-CertCall 'Get-CsCertificate' $PSBoundParameters
    $scope = 'Local'
    if ($Identity) { $scope = $Identity }
    foreach ($key in @($global:CsAssigned.Keys | Sort-Object)) {
        $parts = $key.Split('|')
        if ($parts[0] -eq $scope -and (-not $Type -or $Type -contains $parts[1])) {
            [pscustomobject] @{ Use = $parts[1]; Thumbprint = $global:CsAssigned[$key]; NotAfter = [datetime]'2030-01-01' }
        }
    }
}

function global:Import-CsCertificate {
    [CmdletBinding(DefaultParameterSetName = 'Local', SupportsShouldProcess = $true)]
    param(
        [Parameter(ParameterSetName = 'CMS', Mandatory = $true, Position = 0)] [string] $Identity,
        [Parameter(Mandatory = $true)] [string] $Path,
        [string] $Password,
        [Parameter(ParameterSetName = 'Local')] [bool] $PrivateKeyExportable,
        [Parameter(ParameterSetName = 'CMS', Mandatory = $true)] [string[]] $Type,
        [datetime] $EffectiveDate,
        [switch] $Roll,
        [switch] $Force,
        [string] $Report
    )
    Add-CertCall 'Import-CsCertificate' $PSBoundParameters
}

function global:Remove-CsCertificate {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param([string[]] $Type, [string] $NetportId, [switch] $Force, [string] $Report, [Parameter(Position = 0)] [string] $Identity, [switch] $Previous)
    Add-CertCall 'Remove-CsCertificate' $PSBoundParameters
}

function global:Test-CsCertificateConfiguration {
    [CmdletBinding()]
    param([string] $Report)
    Add-CertCall 'Test-CsCertificateConfiguration' $PSBoundParameters
    return @()
}

function global:Export-PfxCertificate {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)] $Cert,
        [Parameter(Mandatory = $true)] [string] $FilePath,
        [System.Security.SecureString] $Password,
        [ValidateSet('BuildChain', 'EndEntityCertOnly', 'PfxDataOnly')] [string] $ChainOption,
        [string[]] $ProtectTo,
        [ValidateSet('TripleDES_SHA1', 'AES256_SHA256')] [string] $CryptoAlgorithmOption,
        [switch] $NoProperties,
        [switch] $NoClobber,
        [switch] $Force
    )
    Add-CertCall 'Export-PfxCertificate' $PSBoundParameters
    return [pscustomobject] @{ Name = $FilePath }
}

function global:Import-PfxCertificate {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)] [string] $FilePath,
        [string] $CertStoreLocation,
        [System.Security.SecureString] $Password,
        [switch] $Exportable
    )
    Add-CertCall 'Import-PfxCertificate' $PSBoundParameters
    if (-not $global:PfxContents.ContainsKey($FilePath)) { throw "stand-in: no PFX at $FilePath" }
    $certificate = $global:PfxContents[$FilePath]
    [void] $global:FakeStore.Add($certificate)
    return $certificate
}

function global:Import-Certificate {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param([Parameter(Mandatory = $true)] [string] $FilePath, [string] $CertStoreLocation)
    Add-CertCall 'Import-Certificate' $PSBoundParameters
}

function global:certreq.exe {
    $verb = [string] $args[0]
    if (@('-new', '-submit', '-accept', '-retrieve') -notcontains $verb) { throw "stand-in certreq: unknown verb '$verb'" }
    $options = @('-f', '-q', '-machine', '-user', '-config', '-attrib')
    $files = New-Object System.Collections.ArrayList
    for ($i = 1; $i -lt $args.Count; $i++) {
        $a = [string] $args[$i]
        if ($a.StartsWith('-')) {
            if ($options -notcontains $a) { throw "stand-in certreq: unknown option '$a'" }
            if ($a -eq '-config' -or $a -eq '-attrib') { $i++ }
        }
        else { [void] $files.Add($a) }
    }
    Add-CertCall 'certreq' @{ Arguments = @($args | ForEach-Object { [string] $_ }) }
    $global:LASTEXITCODE = 0
    switch ($verb) {
        '-new' { if ($files.Count -ne 2 -or -not (Test-Path -LiteralPath $files[0])) { throw 'stand-in certreq -new: needs an existing INF and a request file' } }
        '-submit' {
            if ($files.Count -ne 2) { throw 'stand-in certreq -submit: needs a request and a certificate file' }
            'RequestId: 42'
            if ($global:CertreqPending) { 'Certificate request is pending: Taken Under Submission (0)' } else { Set-Content -LiteralPath $files[1] -Value 'issued' }
        }
        '-retrieve' {
            if ($files.Count -ne 2) { throw 'stand-in certreq -retrieve: needs a request id and a certificate file' }
            if (-not $global:CertreqPending) { Set-Content -LiteralPath $files[1] -Value 'issued' }
        }
        '-accept' { if ($files.Count -ne 1 -or -not (Test-Path -LiteralPath $files[0])) { throw 'stand-in certreq -accept: needs an existing certificate file' } }
    }
}
