using System.Management.Automation.Language;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertBuildTasks.Generation;
using CertBuildTasks.Planning;
using CertBuildTasks.Tests.Infrastructure;
using CertBuildTasks.Tests.Lifecycle;

namespace CertBuildTasks.Tests.Generation;

/// <summary>
/// The generated PowerShell of the sample: parsed with the real parser for Windows PowerShell 3.0,
/// and run with the real engine against the estate of the lifecycle simulation for the exact values
/// each command receives. The lifecycle tests run the runbooks end to end.
/// </summary>
[Trait("Lane", "Build")]
public sealed class GeneratedScriptsTests : IDisposable
{
    private readonly LifecycleDriver _estate = new();

    public void Dispose() => _estate.Dispose();

    private PlannedCertificate Certificate(string id) => _estate.Planned(id);

    [Fact]
    public void Every_script_and_the_helpers_parse_target_powershell_3_and_use_no_powershell_6_syntax()
    {
        var bundle = _estate.BundleOf("fe01.contoso.com");
        var scripts = Directory.GetFiles(bundle, "*.ps1", SearchOption.AllDirectories);
        Assert.Equal(_estate.Files.Count(f => f.RelativePath.EndsWith(".ps1", StringComparison.Ordinal)), scripts.Length);
        Assert.Equal(24, scripts.Length); // 17 server scripts; OAuth, Edge export, reverse proxy, Office Web Apps, deployed export, OAuth and A/V roll-over
        foreach (var path in scripts)
        {
            var ast = PowerShellSyntax.Parse(path, out var errors);
            Assert.True(errors.Length == 0, path + ": " + string.Join("; ", errors.Select(e => e.Message)));
            Assert.Empty(PowerShellSyntax.PowerShell6Syntax(ast));
            Assert.Equal(new Version(3, 0), ast.ScriptRequirements.RequiredPSVersion);
            var binding = ast.ParamBlock!.Attributes.Single(a => a.TypeName.Name == "CmdletBinding");
            Assert.Contains(binding.NamedArguments, n => n.ArgumentName == "SupportsShouldProcess" && n.Argument.Extent.Text == "$true");
            var commands = ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>().Select(c => c.GetCommandName()).ToList();
            Assert.Contains("Set-StrictMode", commands);
            Assert.Contains("Test-IsElevated", commands);
            Assert.Contains(ast.FindAll(a => a is AssignmentStatementAst, true), a => a.Extent.Text == "$ErrorActionPreference = 'Stop'");
            var help = ast.GetHelpContent();
            Assert.NotNull(help);
            Assert.Equal(ast.ParamBlock.Parameters.Select(p => p.Name.VariablePath.UserPath.ToUpperInvariant()).Order(), help.Parameters.Keys.Order());
            var bytes = File.ReadAllBytes(path);
            Assert.True(bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "UTF-8 BOM for Windows PowerShell 5.1");

            // Every function a script calls is defined in it: the sections it carries are the ones it needs.
            var defined = ast.FindAll(a => a is FunctionDefinitionAst, true).Cast<FunctionDefinitionAst>().Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var call in commands.OfType<string>().Where(c => c.Contains('-', StringComparison.Ordinal) && HelperVerbs.Any(v => c.StartsWith(v, StringComparison.Ordinal)) && !BuiltIns.Contains(c)))
            {
                Assert.True(defined.Contains(call), $"{path} calls {call} but does not define it");
            }
        }

        var helpers = PowerShellSyntax.Parse(Path.Combine(RepoPaths.Root, "src", "CertBuildTasks.Core", "Generation", "ScriptHelpers.ps1"), out var helperErrors);
        Assert.Empty(helperErrors);
        Assert.Empty(PowerShellSyntax.PowerShell6Syntax(helpers));
    }

    private static readonly string[] HelperVerbs = ["Find-", "Get-", "Save-", "Test-", "Install-", "Import-", "Export-", "Set-", "Remove-", "Invoke-", "Assert-", "Write-", "ConvertFrom-"];

    private static readonly HashSet<string> BuiltIns = new(StringComparer.OrdinalIgnoreCase)
    {
        "Set-StrictMode", "Get-ChildItem", "Get-Content", "Set-Content", "Test-Path", "Remove-Item", "Join-Path", "Resolve-Path", "Write-Host", "Write-Warning", "Write-Verbose",
        "Get-Date", "Get-Command", "Import-Certificate", "Import-PfxCertificate", "Export-PfxCertificate", "Set-CsCertificate", "Get-CsCertificate", "Remove-CsCertificate",
        "Test-CsCertificateConfiguration", "Get-Credential", "Get-Help", "ConvertTo-Json", "Select-Object", "Where-Object", "ForEach-Object", "Sort-Object", "Out-Null", "Out-String", "Read-Host", "New-Object", "Test-IsElevated", "Get-LocalFqdn",
    };

    [Fact]
    public void The_powershell_6_syntax_check_can_fail()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("modern.ps1", "$a = $b ? 1 : 2\n$c = $d ?? 3\ngit pull && git push\n$e = ${f}?.Name\n$g ??= 4\n");
        var ast = PowerShellSyntax.Parse(path, out var errors);
        Assert.Empty(errors);
        Assert.Equal(5, PowerShellSyntax.PowerShell6Syntax(ast).Count);
    }

    [Fact]
    public void The_front_end_request_gives_request_cscertificate_the_planned_values()
    {
        _estate.Run("fe01.contoso.com", $"servers/fe01.contoso.com/{BundlePaths.RequestScript}");
        var calls = _estate.Estate.CmdletRequests;
        Assert.Equal(2, calls.Count);
        Assert.Equal(["OAuthTokenIssuer"], (string[])calls[0]["Type"]!); // the plan's order: OAuth first
        var fe = Certificate("frontend-fe01.contoso.com");
        var call = calls[1];
        Assert.Equal(
            ["CA", "City", "ComputerFqdn", "Country", "DomainName", "FriendlyName", "KeySize", "New", "Organization", "OU", "PrivateKeyExportable", "State", "Template", "Type"],
            call.Keys.Cast<string>().Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal(fe.Usages.ToArray(), (string[])call["Type"]!);
        Assert.Equal(string.Join(",", fe.SanNames), call["DomainName"]);
        Assert.Equal("fe01.contoso.com", call["ComputerFqdn"]);
        Assert.Equal(fe.FriendlyName, call["FriendlyName"]);
        Assert.Equal(2048, call["KeySize"]);
        Assert.Equal(false, call["PrivateKeyExportable"]);
        Assert.Equal("WebServer", call["Template"]);
        Assert.Equal("ca01.contoso.com\\Contoso Issuing CA", call["CA"]);
        Assert.Equal(("Contoso Ltd", "IT", "Redmond", "WA", "US"), (call["Organization"], call["OU"], call["City"], call["State"], call["Country"]));
        Assert.False(calls[0].ContainsKey("ComputerFqdn"));
        Assert.Equal(true, calls[0]["PrivateKeyExportable"]);

        // The certificate the CA issued has every planned name (the cmdlet's own and -DomainName) and is recorded for the assignment.
        var installed = _estate.Estate["fe01.contoso.com"].My.Single(c => c.FriendlyName == fe.FriendlyName);
        Assert.Empty(fe.SanNames.Except(CertBuildTasks.Issued.CertificateFacts.DnsNames(installed.Certificate)));
        Assert.Equal(installed.Thumbprint, File.ReadAllText(_estate.Script("fe01.contoso.com", "servers/fe01.contoso.com/frontend-fe01.contoso.com.thumbprint")).Trim());
    }

    [Fact]
    public void Ca_credentials_come_only_from_the_pscredential_parameter()
    {
        var credential = new System.Management.Automation.PSCredential("CONTOSO\\enroller", new NetworkCredential(string.Empty, "s3cret").SecurePassword);
        _estate.Run("fe02.contoso.com", $"servers/fe02.contoso.com/{BundlePaths.RequestScript}", new Dictionary<string, object?> { ["CaCredential"] = credential });
        var call = Assert.Single(_estate.Estate.CmdletRequests);
        Assert.Equal("CONTOSO\\enroller", call["CaAccount"]);
        Assert.Equal("s3cret", call["CaPassword"]);
        var ast = PowerShellSyntax.Parse(_estate.Script("fe02.contoso.com", $"servers/fe02.contoso.com/{BundlePaths.RequestScript}"), out _);
        Assert.Equal(typeof(System.Management.Automation.PSCredential), ast.ParamBlock!.Parameters.Single(p => p.Name.VariablePath.UserPath == "CaCredential").StaticType);
        Assert.DoesNotContain("s3cret", string.Join("\n", _estate.Runner.Runs.SelectMany(r => r.Output)), StringComparison.Ordinal);
    }

    [Fact]
    public void Assignment_without_a_certificate_stops_with_the_planned_id_and_what_to_do()
    {
        var run = _estate.Runner.Run("med01.contoso.com", _estate.Script("med01.contoso.com", $"servers/med01.contoso.com/{BundlePaths.AssignmentScript}"));
        Assert.False(run.Succeeded);
        Assert.Contains("mediation-med01.contoso.com: no certificate with its private key", run.Error, StringComparison.Ordinal);
        Assert.Contains("Request and accept it first", run.Error, StringComparison.Ordinal);
        Assert.Empty(_estate.Estate["med01.contoso.com"].Assignments);
    }

    [Fact]
    public void A_certificate_with_names_a_ca_added_is_still_found_and_the_newest_of_two_is_assigned()
    {
        const string med01 = "med01.contoso.com";
        var planned = Certificate("mediation-med01.contoso.com");
        Plant(med01, planned, [.. planned.SanNames, "extra.contoso.com"], _estate.Estate.Now.AddDays(200));
        var newest = Plant(med01, planned, [.. planned.SanNames], _estate.Estate.Now.AddDays(300));
        _estate.Run(med01, $"servers/{med01}/{BundlePaths.AssignmentScript}");
        Assert.Equal(newest, _estate.Estate.Assigned(med01, "Default"));
    }

    [Fact]
    public void A_pfx_in_the_script_folder_is_imported_without_pfx_path()
    {
        _estate.DeployServer("edge01.contoso.com");
        foreach (var pfx in Directory.GetFiles(_estate.Transfer, "*.pfx"))
        {
            File.Copy(pfx, Path.Combine(_estate.BundleOf("edge02.contoso.com"), "servers", "edge02.contoso.com", Path.GetFileName(pfx)));
        }

        _estate.Run("edge02.contoso.com", $"servers/edge02.contoso.com/{BundlePaths.AssignmentScript}",
            new Dictionary<string, object?> { ["PfxPassword"] = LifecycleDriver.Secure(LifecycleDriver.PfxPassword), ["CaChainPath"] = _estate.InternalChain() });
        Assert.Equal(_estate.Estate.Assigned("edge01.contoso.com", "Internal"), _estate.Estate.Assigned("edge02.contoso.com", "Internal"));
    }

    [Fact]
    public void A_pfx_password_is_asked_for_only_when_a_pfx_is_imported()
    {
        _estate.DeployServer("edge01.contoso.com");
        var set = new Dictionary<string, object?> { ["PfxPath"] = _estate.Transfer, ["CaChainPath"] = _estate.InternalChain() };
        var asked = _estate.Runner.Run("edge02.contoso.com", _estate.Script("edge02.contoso.com", $"servers/edge02.contoso.com/{BundlePaths.AssignmentScript}"), set);
        Assert.Contains("prompted", asked.Error, StringComparison.Ordinal);
        _estate.Runner.ReadHostAnswer = LifecycleDriver.Secure(LifecycleDriver.PfxPassword);
        _estate.Run("edge02.contoso.com", $"servers/edge02.contoso.com/{BundlePaths.AssignmentScript}", set);
        _estate.Runner.ReadHostAnswer = null;
        _estate.Run("edge02.contoso.com", $"servers/edge02.contoso.com/{BundlePaths.AssignmentScript}", set); // imported: no prompt the second time
    }

    [Fact]
    public void With_central_keys_the_scripts_make_no_key_and_import_the_pfx_the_build_made()
    {
        var central = CertBuildTasks.Csr.CsrStage.CentralKeyIds(_estate.Plan);
        _estate.CentralKeys = central;
        _estate.Build();
        var request = _estate.Run("edge01.contoso.com", $"servers/edge01.contoso.com/{BundlePaths.RequestScript}", new Dictionary<string, object?> { ["CaChainPath"] = _estate.InternalChain() });
        Assert.DoesNotContain(_estate.Estate.CertreqCalls, c => c[0] == "-new");
        Assert.Contains("generated centrally by the build", string.Join("\n", request.Output), StringComparison.Ordinal);

        // The build's PFX for each central key, beside the Edge's scripts.
        foreach (var c in _estate.Plan.Certificates.Where(c => central.Contains(c.Id) && c.Servers.Contains("edge01.contoso.com")))
        {
            using var key = RSA.Create(2048);
            var csr = new CertificateRequest("CN=" + c.SubjectName, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            foreach (var name in c.SanNames)
            {
                names.AddDnsName(name);
            }

            csr.CertificateExtensions.Add(names.Build());
            var ca = c.CertificateAuthority == CertBuildTasks.Policy.AuthorityKind.Public ? _estate.Estate.PublicCa : _estate.Estate.InternalCa;
            using var issued = ca.Sign(csr, _estate.Estate.Now.AddHours(-1), _estate.Estate.Now.AddDays(365)).CopyWithPrivateKey(key);
            File.WriteAllBytes(Path.Combine(_estate.BundleOf("edge01.contoso.com"), "servers", "edge01.contoso.com", c.Id + ".pfx"), issued.Export(X509ContentType.Pfx, LifecycleDriver.PfxPassword));
        }

        // The public Edge certificate chains to a public root; give the Edge the public issuing CA too.
        _estate.Estate["edge01.contoso.com"].Trust(_estate.Estate.PublicCa.Intermediate, "CA");
        _estate.Run("edge01.contoso.com", $"servers/edge01.contoso.com/{BundlePaths.AssignmentScript}",
            new Dictionary<string, object?> { ["PfxPassword"] = LifecycleDriver.Secure(LifecycleDriver.PfxPassword), ["CaChainPath"] = _estate.InternalChain() });
        Assert.NotNull(_estate.Estate.Assigned("edge01.contoso.com", "Internal"));
        Assert.NotNull(_estate.Estate.Assigned("edge01.contoso.com", "AccessEdgeExternal"));
    }

    /// <summary>A certificate with its key, issued by the internal CA, put straight into a machine's store.</summary>
    private string Plant(string machine, PlannedCertificate planned, IReadOnlyList<string> names, DateTimeOffset notAfter)
    {
        var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + planned.SubjectName, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var sans = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            sans.AddDnsName(name);
        }

        request.CertificateExtensions.Add(sans.Build());
        var certificate = _estate.Estate.InternalCa.Sign(request, _estate.Estate.Now.AddHours(-1), notAfter).CopyWithPrivateKey(key);
        _estate.Estate[machine].My.Add(new StoredCertificate(certificate, "planted " + notAfter.ToUnixTimeSeconds(), false, key));
        return certificate.Thumbprint;
    }
}
