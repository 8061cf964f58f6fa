# Stand-ins for the Windows and Lync/SfB commands the generated scripts call. Each binds the parameter
# sets Microsoft documents for the command (an unknown parameter fails the call, as it would) and
# hands the work to the Estate (Estate.cs), which behaves as the page named on each method says.
# $global:Estate is the estate, $global:Machine the FQDN of the server the script runs on.
Set-StrictMode -Version 3.0

# The clock every script reads (Get-Date) is the estate's, in the server's local time.
function global:Get-Date {
    [CmdletBinding()]
    param([Parameter(Position = 0)] $Date, [switch] $UFormat)
    if ($PSBoundParameters.ContainsKey('Date')) { return Microsoft.PowerShell.Utility\Get-Date -Date $Date }
    return $global:Estate.LocalNow
}

function global:Test-IsElevated { return $true }
function global:Get-LocalFqdn { return $global:Machine }

# A script that prompts although the test passed every input fails: nobody answers in a pipeline.
$global:ReadHostAnswer = $null
function global:Read-Host {
    param([string] $Prompt, [switch] $AsSecureString)
    if ($global:ReadHostAnswer) { return $global:ReadHostAnswer }
    throw "stand-in: the script prompted '$Prompt' although the test gave no answer"
}

# about_Certificate_Provider: Cert:\LocalMachine\<store>. Other paths go to the real command.
function global:Get-ChildItem {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true, Position = 0)] [string] $Path)
    if ($Path -like 'Cert:*') { return $global:Estate.List($global:Machine, $Path) }
    return Microsoft.PowerShell.Management\Get-ChildItem -Path $Path
}

# certreq.exe (learn.microsoft.com "certreq"): -new, -submit, -retrieve, -accept; sets $LASTEXITCODE.
# The arguments first cross a real native-program boundary (printf prints each one it receives on a
# line of its own), in the runspace's native argument passing (Legacy, as Windows PowerShell 3.0–5.1
# passes them: about_Parsing, "Passing arguments that contain quote characters"): certreq acts on what
# a native program would receive, not on what the script meant.
function global:certreq.exe {
    $received = @(& $global:NativeArgv '%s\n' @args)
    $result = $global:Estate.Certreq($global:Machine, [string[]] $received)
    $global:LASTEXITCODE = $result.Item1
    return $result.Item2
}

# .NET's X509Store on LocalMachine (learn.microsoft.com X509Store.Add), the scripts' way where the PKI
# module is missing; the stand-in adds to the machine's store in the estate.
function global:Add-MachineStoreCertificate {
    param($Certificate, [string] $StoreName)
    $global:Estate.AddToStore($global:Machine, $Certificate, $StoreName)
}

# learn.microsoft.com Request-CsCertificate: parameter sets ByNew, ByList, ByRetrieve, ByClear.
function global:Request-CsCertificate {
    [CmdletBinding(DefaultParameterSetName = 'ByNew', SupportsShouldProcess = $true)]
    param(
        [Parameter(ParameterSetName = 'ByNew', Mandatory = $true)] [switch] $New,
        [Parameter(ParameterSetName = 'ByNew', Mandatory = $true)] [ValidateSet('AccessEdgeExternal', 'AudioVideoAuthentication', 'DataEdgeExternal', 'Default', 'External', 'Internal', 'iPadAPNService', 'iPhoneAPNService', 'LogRetentionService', 'MPNService', 'OAuthTokenIssuer', 'PICWebService', 'ProvisionService', 'SMPDNSWebService', 'TenantAdmin', 'UpgradeEngineService', 'WebServicesExternal', 'WebServicesInternal', 'WsFedTokenTransfer', 'XMPPServer')] [string[]] $Type,
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
        [Parameter(ParameterSetName = 'ByClear')] [Parameter(ParameterSetName = 'ByList')] [Parameter(ParameterSetName = 'ByRetrieve', Mandatory = $true)] [int] $RequestId,
        [switch] $Force,
        [string] $Report
    )
    switch ($PSCmdlet.ParameterSetName) {
        'ByList' { return $global:Estate.RequestCsList($global:Machine) }
        'ByRetrieve' { if ($PSCmdlet.ShouldProcess($RequestId, 'retrieve')) { $global:Estate.RequestCsRetrieve($global:Machine, $RequestId) }; return }
        'ByClear' { throw 'stand-in: Request-CsCertificate -Clear is not used by the scripts' }
    }
    if (-not $PSCmdlet.ShouldProcess(($Type -join ','), 'request')) { return }
    $bound = @{}
    foreach ($key in $PSBoundParameters.Keys) { $bound[$key] = $PSBoundParameters[$key] }
    $certificate = $global:Estate.RequestCsCertificate($global:Machine, $bound)
    if (-not $certificate) { Write-Warning 'The certificate request is pending: the CA holds it for approval (Taken Under Submission).' }
    return $certificate
}

# learn.microsoft.com Set-CsCertificate: parameter sets ByReference, ByThumbprint, ByPath.
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
    if ($PSCmdlet.ParameterSetName -ne 'ByThumbprint') { throw 'stand-in: the scripts assign by thumbprint' }
    if (-not $PSCmdlet.ShouldProcess($Thumbprint, ('assign ' + ($Type -join ',')))) { return }
    $effective = $null
    if ($PSBoundParameters.ContainsKey('EffectiveDate')) { $effective = $EffectiveDate }
    $scope = [NullString]::Value  # $null would reach .NET as an empty string
    if ($Identity) { $scope = $Identity }
    $global:Estate.SetCsCertificate($global:Machine, [string[]] $Type, $Thumbprint, $scope, [bool] $Roll, $effective)
}

# learn.microsoft.com Get-CsCertificate.
function global:Get-CsCertificate {
    [CmdletBinding()]
    param([string[]] $Type, [string] $NetportId, [string] $Report, [Parameter(Position = 0)] [string] $Identity)
    $scope = [NullString]::Value  # $null would reach .NET as an empty string
    if ($Identity) { $scope = $Identity }
    $types = $null
    if ($Type) { $types = [string[]] $Type }
    return $global:Estate.GetCsCertificate($global:Machine, $types, $scope)
}

# learn.microsoft.com Remove-CsCertificate (-Previous removes the certificate a roll-over replaced).
function global:Remove-CsCertificate {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param([string[]] $Type, [string] $NetportId, [switch] $Force, [string] $Report, [Parameter(Position = 0)] [string] $Identity, [switch] $Previous)
    if (-not $Previous) { throw 'stand-in: the scripts only remove the previous certificate' }
    if (-not $PSCmdlet.ShouldProcess(($Type -join ','), 'remove previous')) { return }
    $scope = [NullString]::Value  # $null would reach .NET as an empty string
    if ($Identity) { $scope = $Identity }
    $global:Estate.RemoveCsPrevious($global:Machine, [string[]] $Type, $scope)
}

# learn.microsoft.com Test-CsCertificateConfiguration: a synthetic check for the Certificate Wizard.
function global:Test-CsCertificateConfiguration {
    [CmdletBinding()]
    param([string] $Report)
    return @()
}

# The PKI module of Windows Server 2012 and later (learn.microsoft.com Import-PfxCertificate,
# Export-PfxCertificate, Import-Certificate). Enter-Machine defines them only where the module is.
$global:PkiModule = @{
    'Import-PfxCertificate' = {
        [CmdletBinding(SupportsShouldProcess = $true)]
        param(
            [Parameter(Mandatory = $true)] [string] $FilePath,
            [string] $CertStoreLocation,
            [System.Security.SecureString] $Password,
            [switch] $Exportable
        )
        if ($CertStoreLocation -ne 'Cert:\LocalMachine\My') { throw "stand-in Import-PfxCertificate: store $CertStoreLocation" }
        if (-not $PSCmdlet.ShouldProcess($FilePath, 'import')) { return }
        $plain = [System.Net.NetworkCredential]::new('', $Password).Password
        $global:Estate.ImportPfx($global:Machine, (Resolve-Path -LiteralPath $FilePath).ProviderPath, $plain, [bool] $Exportable)
    }
    'Export-PfxCertificate' = {
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
        if (-not $PSCmdlet.ShouldProcess($FilePath, 'export')) { return }
        $plain = [System.Net.NetworkCredential]::new('', $Password).Password
        $global:Estate.ExportPfx($global:Machine, $Cert.Thumbprint, $FilePath, $plain)
        return [pscustomobject] @{ Name = $FilePath }
    }
    'Import-Certificate' = {
        [CmdletBinding(SupportsShouldProcess = $true)]
        param([Parameter(Mandatory = $true)] [string] $FilePath, [string] $CertStoreLocation)
        if (-not $PSCmdlet.ShouldProcess($FilePath, 'import')) { return }
        $global:Estate.ImportCertificate($global:Machine, $FilePath, $CertStoreLocation.Split('\')[-1])
    }
}

# The server the next script runs on: its name and, by its Windows version, whether the PKI module is there.
function global:Enter-Machine {
    param([string] $Fqdn, [bool] $HasPkiModule)
    $global:Machine = $Fqdn
    foreach ($name in $global:PkiModule.Keys) {
        if ($HasPkiModule) { Set-Item -Path ('Function:\global:' + $name) -Value $global:PkiModule[$name] }
        elseif (Test-Path -Path ('Function:\' + $name)) { Remove-Item -Path ('Function:\' + $name) }
    }
}
