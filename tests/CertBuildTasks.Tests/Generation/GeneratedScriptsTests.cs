using System.Management.Automation.Language;
using System.Net;
using CertBuildTasks.Planning;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Generation;

/// <summary>
/// The generated PowerShell of the sample, parsed with the real parser and run with the real engine
/// against strict stand-ins: the exact calls, -WhatIf doing nothing, idempotent re-runs.
/// </summary>
public sealed class GeneratedScriptsTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly Generate.Outcome _sample = Generate.Run(SampleInputs.Policy());
    private readonly string _bundle;

    public GeneratedScriptsTests() => _bundle = _sample.WriteTo(_dir.Path);

    public void Dispose() => _dir.Dispose();

    private string Script(string relative) => Path.Combine(_bundle, relative);

    private PlannedCertificate Certificate(string id) => _sample.Plan.Certificates.Single(c => c.Id == id);

    private static System.Security.SecureString Password() => new NetworkCredential(string.Empty, "p@ss").SecurePassword;

    [Fact]
    public void Every_script_parses_targets_powershell_3_and_uses_no_powershell_6_syntax()
    {
        var scripts = Directory.GetFiles(_bundle, "*.ps1", SearchOption.AllDirectories);
        Assert.Equal(_sample.Files.Count(f => f.RelativePath.EndsWith(".ps1", StringComparison.Ordinal)), scripts.Length);
        Assert.Equal(21, scripts.Length); // 17 server scripts, OAuth, Edge export, reverse proxy, deployed-certificate export
        foreach (var path in scripts)
        {
            var ast = PowerShellRunner.Parse(path, out var errors);
            Assert.True(errors.Length == 0, path + ": " + string.Join("; ", errors.Select(e => e.Message)));
            Assert.Empty(PowerShellRunner.PowerShell6Syntax(ast));
            Assert.Equal(new Version(3, 0), ast.ScriptRequirements.RequiredPSVersion);
            var binding = ast.ParamBlock!.Attributes.Single(a => a.TypeName.Name == "CmdletBinding");
            Assert.Contains(binding.NamedArguments, n => n.ArgumentName == "SupportsShouldProcess" && n.Argument.Extent.Text == "$true");
            var commands = ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>().Select(c => c.GetCommandName()).ToList();
            Assert.Contains("Set-StrictMode", commands);
            Assert.Contains("Test-IsElevated", commands);
            Assert.Contains(ast.FindAll(a => a is AssignmentStatementAst, true), a => a.Extent.Text == "$ErrorActionPreference = 'Stop'");
            var help = ast.GetHelpContent();
            Assert.NotNull(help);
            Assert.Equal(
                ast.ParamBlock.Parameters.Select(p => p.Name.VariablePath.UserPath.ToUpperInvariant()).Order(),
                help.Parameters.Keys.Order());
            var bytes = File.ReadAllBytes(path);
            Assert.True(bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "UTF-8 BOM for Windows PowerShell 5.1");
        }
    }

    [Fact]
    public void The_powershell_6_syntax_check_can_fail()
    {
        var path = _dir.Write("modern.ps1", "$a = $b ? 1 : 2\n$c = $d ?? 3\ngit pull && git push\n$e = ${f}?.Name\n$g ??= 4\n");
        var ast = PowerShellRunner.Parse(path, out var errors);
        Assert.Empty(errors);
        Assert.Equal(5, PowerShellRunner.PowerShell6Syntax(ast).Count);
    }

    [Fact]
    public void Front_end_request_calls_request_cscertificate_with_the_planned_values()
    {
        using var ps = new PowerShellRunner("fe01.contoso.com");
        var calls = ps.Run(Script("servers/fe01.contoso.com/Request-Certificates.ps1")).Where(c => c.Command == "Request-CsCertificate").ToList();
        Assert.Equal(2, calls.Count);
        Assert.Equal(["OAuthTokenIssuer"], calls[0].Strings("Type")); // the plan's order: OAuth first
        var fe = Certificate("frontend-fe01.contoso.com");
        var call = calls[1];
        Assert.Equal(
            ["CA", "City", "ComputerFqdn", "Country", "DomainName", "FriendlyName", "KeySize", "New", "Organization", "OU", "PrivateKeyExportable", "State", "Template", "Type"],
            call.Parameters.Keys.Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal(fe.Usages.ToArray(), call.Strings("Type"));
        Assert.Equal(string.Join(",", fe.SanNames), call["DomainName"]);
        Assert.Equal("fe01.contoso.com", call["ComputerFqdn"]);
        Assert.Equal(fe.FriendlyName, call["FriendlyName"]);
        Assert.Equal(2048, call["KeySize"]);
        Assert.Equal(false, call["PrivateKeyExportable"]);
        Assert.Equal("WebServer", call["Template"]);
        Assert.Equal("ca01.contoso.com\\Contoso Issuing CA", call["CA"]);
        Assert.Equal(("Contoso Ltd", "IT", "Redmond", "WA", "US"), (call["Organization"], call["OU"], call["City"], call["State"], call["Country"]));
        Assert.Null(calls[0]["ComputerFqdn"]);
        Assert.Equal(true, calls[0]["PrivateKeyExportable"]);
    }

    [Fact]
    public void Ca_credentials_come_only_from_the_pscredential_parameter()
    {
        using var ps = new PowerShellRunner("fe02.contoso.com");
        var credential = new System.Management.Automation.PSCredential("CONTOSO\\enroller", new NetworkCredential(string.Empty, "s3cret").SecurePassword);
        var call = ps.Run(Script("servers/fe02.contoso.com/Request-Certificates.ps1"), new Dictionary<string, object?> { ["CaCredential"] = credential })
            .Single(c => c.Command == "Request-CsCertificate");
        Assert.Equal("CONTOSO\\enroller", call["CaAccount"]);
        Assert.Equal("s3cret", call["CaPassword"]);
        var ast = PowerShellRunner.Parse(Script("servers/fe02.contoso.com/Request-Certificates.ps1"), out _);
        var parameter = ast.ParamBlock!.Parameters.Single(p => p.Name.VariablePath.UserPath == "CaCredential");
        Assert.Equal(typeof(System.Management.Automation.PSCredential), parameter.StaticType);
    }

    [Fact]
    public void Edge_request_runs_certreq_for_the_internal_ca_and_prepares_the_offline_public_request()
    {
        using var ps = new PowerShellRunner("edge01.contoso.com");
        var folder = Path.Combine(_bundle, "servers", "edge01.contoso.com");
        var certreq = ps.Run(Script("servers/edge01.contoso.com/Request-Certificates.ps1")).Where(c => c.Command == "certreq").Select(c => c.Strings("Arguments")).ToList();
        string F(string name) => Path.Combine(folder, name);
        Assert.Equal(
            [
                ["-new", "-f", "-q", F("edge-internal-edgepool.contoso.com.inf"), F("edge-internal-edgepool.contoso.com.req")],
                ["-submit", "-f", "-q", "-config", "ca01.contoso.com\\Contoso Issuing CA", F("edge-internal-edgepool.contoso.com.req"), F("edge-internal-edgepool.contoso.com.cer")],
                ["-accept", "-machine", "-f", "-q", F("edge-internal-edgepool.contoso.com.cer")],
                ["-new", "-f", "-q", F("edge-external-edgepool.contoso.com.inf"), F("edge-external-edgepool.contoso.com.req")],
            ],
            certreq);

        var answers = _dir.Write("answers/edge-external-edgepool.contoso.com.cer", "answer");
        var accept = ps.Run(Script("servers/edge01.contoso.com/Request-Certificates.ps1"), new Dictionary<string, object?> { ["ResponsePath"] = Path.GetDirectoryName(answers) });
        Assert.Equal([["-accept", "-machine", "-f", "-q", answers]], accept.Where(c => c.Command == "certreq").Select(c => c.Strings("Arguments")));
    }

    [Fact]
    public void WhatIf_changes_nothing_in_any_script()
    {
        foreach (var path in Directory.GetFiles(_bundle, "*.ps1", SearchOption.AllDirectories))
        {
            var server = path.Split(Path.DirectorySeparatorChar).SkipWhile(p => p != "servers").Skip(1).FirstOrDefault() ?? "fe01.contoso.com";
            using var ps = new PowerShellRunner(server);
            var calls = ps.Run(path, new Dictionary<string, object?> { ["WhatIf"] = true });
            Assert.DoesNotContain(calls, c => PowerShellRunner.StateChanging.Contains(c.Command));
            Assert.Empty(ps.Assigned());
        }
    }

    [Fact]
    public void Assignment_sets_each_usage_group_once_and_a_second_run_changes_nothing()
    {
        var fe = Certificate("frontend-fe01.contoso.com");
        using var ps = new PowerShellRunner("fe01.contoso.com");
        ps.AddCertificate(fe.SubjectName, fe.SanNames.Reverse(), "OLDER", new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        ps.AddCertificate(fe.SubjectName, fe.SanNames, "AABBCC", new DateTime(2028, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        ps.AddCertificate(fe.SubjectName, fe.SanNames.Take(3), "WRONGSANS", new DateTime(2029, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var sets = ps.Run(Script("servers/fe01.contoso.com/Set-Certificates.ps1")).Where(c => c.Command == "Set-CsCertificate").ToList();
        var set = Assert.Single(sets);
        Assert.Equal(["Default", "WebServicesInternal", "WebServicesExternal"], set.Strings("Type"));
        Assert.Equal("AABBCC", set["Thumbprint"]);
        Assert.Equal(false, set["Confirm"]);
        Assert.Null(set["Identity"]);

        var again = ps.Run(Script("servers/fe01.contoso.com/Set-Certificates.ps1"));
        Assert.DoesNotContain(again, c => c.Command == "Set-CsCertificate");
        Assert.Contains(again, c => c.Command == "Test-CsCertificateConfiguration");
    }

    [Fact]
    public void Assignment_stops_with_a_clear_message_when_no_certificate_or_two_equally_new_ones_match()
    {
        var fe = Certificate("frontend-fe01.contoso.com");
        using var none = new PowerShellRunner("fe01.contoso.com");
        var missing = Assert.Throws<InvalidOperationException>(() => none.Run(Script("servers/fe01.contoso.com/Set-Certificates.ps1")));
        Assert.Contains("no certificate with a private key, subject pool01.contoso.com and all the planned DNS names", missing.Message, StringComparison.Ordinal);

        using var two = new PowerShellRunner("fe01.contoso.com");
        var when = new DateTime(2028, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        two.AddCertificate(fe.SubjectName, fe.SanNames, "ONE", when);
        two.AddCertificate(fe.SubjectName, fe.SanNames, "TWO", when);
        var ambiguous = Assert.Throws<InvalidOperationException>(() => two.Run(Script("servers/fe01.contoso.com/Set-Certificates.ps1")));
        Assert.Contains("match equally well", ambiguous.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(two.Calls(), c => c.Command == "Set-CsCertificate");
    }

    [Fact]
    public void Oauth_is_assigned_once_globally()
    {
        var oauth = Certificate("oauth-contoso.com");
        using var ps = new PowerShellRunner("fe01.contoso.com");
        ps.AddCertificate(oauth.SubjectName, oauth.SanNames, "0A0A", new DateTime(2028, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var set = Assert.Single(ps.Run(Script("global/Set-OAuthCertificate.ps1")), c => c.Command == "Set-CsCertificate");
        Assert.Equal("Global", set["Identity"]);
        Assert.Equal(["OAuthTokenIssuer"], set.Strings("Type"));
        Assert.Equal("0A0A", set["Thumbprint"]);
        Assert.DoesNotContain(ps.Run(Script("global/Set-OAuthCertificate.ps1")), c => c.Command == "Set-CsCertificate");
    }

    [Fact]
    public void Edge_pool_certificates_are_exported_on_the_requesting_edge_and_imported_on_the_other()
    {
        var internalCert = Certificate("edge-internal-edgepool.contoso.com");
        var externalCert = Certificate("edge-external-edgepool.contoso.com");
        var when = new DateTime(2028, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        using (var edge01 = new PowerShellRunner("edge01.contoso.com"))
        {
            edge01.AddCertificate(internalCert.SubjectName, internalCert.SanNames, "1111", when);
            edge01.AddCertificate(externalCert.SubjectName, externalCert.SanNames, "2222", when);
            var exports = edge01.Run(Script("global/edge-edgepool.contoso.com/Export-EdgeCertificates.ps1"), new Dictionary<string, object?> { ["PfxPassword"] = Password(), ["OutputPath"] = _dir.Path })
                .Where(c => c.Command == "Export-PfxCertificate").ToList();
            Assert.Equal([Path.Combine(_dir.Path, "edge-internal-edgepool.contoso.com.pfx"), Path.Combine(_dir.Path, "edge-external-edgepool.contoso.com.pfx")], exports.Select(e => e["FilePath"]));
            Assert.All(exports, e => Assert.Equal("BuildChain", e["ChainOption"]));
            Assert.All(exports, e => Assert.IsType<System.Security.SecureString>(e["Password"]));
        }

        using var edge02 = new PowerShellRunner("edge02.contoso.com");
        edge02.AddPfx(Path.Combine(_dir.Path, "edge-internal-edgepool.contoso.com.pfx"), internalCert.SubjectName, internalCert.SanNames, "1111");
        edge02.AddPfx(Path.Combine(_dir.Path, "edge-external-edgepool.contoso.com.pfx"), externalCert.SubjectName, externalCert.SanNames, "2222");
        var calls = edge02.Run(Script("servers/edge02.contoso.com/Set-Certificates.ps1"), new Dictionary<string, object?> { ["PfxPath"] = _dir.Path, ["PfxPassword"] = Password() });
        Assert.Equal(2, calls.Count(c => c.Command == "Import-PfxCertificate" && c["CertStoreLocation"] as string == "Cert:\\LocalMachine\\My" && c["Exportable"] is true));
        Assert.Equal(
            ["Internal=1111", "AccessEdgeExternal,DataEdgeExternal,AudioVideoAuthentication=2222"],
            calls.Where(c => c.Command == "Set-CsCertificate").Select(c => string.Join(",", c.Strings("Type")) + "=" + c["Thumbprint"]));
    }

    [Fact]
    public void The_internal_ca_chain_goes_to_root_and_intermediate_stores_by_kind()
    {
        using var rootKey = System.Security.Cryptography.RSA.Create(2048);
        var rootRequest = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Contoso Root", rootKey, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new System.Security.Cryptography.X509Certificates.X509BasicConstraintsExtension(true, false, 0, true));
        using var root = rootRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        using var issuingKey = System.Security.Cryptography.RSA.Create(2048);
        var issuingRequest = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Contoso Issuing CA", issuingKey, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        issuingRequest.CertificateExtensions.Add(new System.Security.Cryptography.X509Certificates.X509BasicConstraintsExtension(true, false, 0, true));
        using var issuing = issuingRequest.Create(root, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(4), [1, 2, 3]);
        var collection = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection { root, issuing };
        var p7b = Path.Combine(_dir.Path, "chain.p7b");
        File.WriteAllBytes(p7b, collection.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs7)!);

        var internalCert = Certificate("edge-internal-edgepool.contoso.com");
        var externalCert = Certificate("edge-external-edgepool.contoso.com");
        using var ps = new PowerShellRunner("edge01.contoso.com");
        ps.AddCertificate(internalCert.SubjectName, internalCert.SanNames, "1111", DateTime.UtcNow.AddYears(1));
        ps.AddCertificate(externalCert.SubjectName, externalCert.SanNames, "2222", DateTime.UtcNow.AddYears(1));
        var imports = ps.Run(Script("servers/edge01.contoso.com/Set-Certificates.ps1"), new Dictionary<string, object?> { ["CaChainPath"] = p7b })
            .Where(c => c.Command == "Import-Certificate").Select(c => (string)c["CertStoreLocation"]!).Order().ToList();
        Assert.Equal(["Cert:\\LocalMachine\\CA", "Cert:\\LocalMachine\\Root"], imports);
    }

    [Fact]
    public void A_certificate_with_names_the_cmdlet_added_is_still_found()
    {
        var fe = Certificate("frontend-fe01.contoso.com");
        using var ps = new PowerShellRunner("fe01.contoso.com");
        ps.AddCertificate(fe.SubjectName, fe.SanNames.Append("sip.contoso.com"), "WITHSIP", new DateTime(2028, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var set = Assert.Single(ps.Run(Script("servers/fe01.contoso.com/Set-Certificates.ps1")), c => c.Command == "Set-CsCertificate");
        Assert.Equal("WITHSIP", set["Thumbprint"]);
    }

    [Fact]
    public void A_different_oauth_or_av_certificate_already_assigned_is_not_replaced_at_once()
    {
        var oauth = Certificate("oauth-contoso.com");
        using (var ps = new PowerShellRunner("fe01.contoso.com"))
        {
            ps.AddCertificate(oauth.SubjectName, oauth.SanNames, "NEW", new DateTime(2028, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            ps.Assign("OAuthTokenIssuer", "OLD", global: true);
            var error = Assert.Throws<InvalidOperationException>(() => ps.Run(Script("global/Set-OAuthCertificate.ps1")));
            Assert.Contains("-Roll -EffectiveDate", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(ps.Calls(), c => c.Command == "Set-CsCertificate");
        }

        var external = Certificate("edge-external-edgepool.contoso.com");
        var internalCert = Certificate("edge-internal-edgepool.contoso.com");
        using var edge = new PowerShellRunner("edge01.contoso.com");
        edge.AddCertificate(internalCert.SubjectName, internalCert.SanNames, "INT", new DateTime(2028, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        edge.AddCertificate(external.SubjectName, external.SanNames, "NEWAV", new DateTime(2028, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        edge.Assign("AudioVideoAuthentication", "OLDAV");
        var av = Assert.Throws<InvalidOperationException>(() => edge.Run(Script("servers/edge01.contoso.com/Set-Certificates.ps1")));
        Assert.Contains("AudioVideoAuthentication is already assigned (thumbprint OLDAV)", av.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pending_certreq_request_is_retrieved_on_the_next_run_instead_of_making_a_second_key()
    {
        using var ps = new PowerShellRunner("edge01.contoso.com");
        ps.SetPending(true);
        var pending = Assert.Throws<InvalidOperationException>(() => ps.Run(Script("servers/edge01.contoso.com/Request-Certificates.ps1")));
        Assert.Contains("pending approval", pending.Message, StringComparison.Ordinal);
        var requestIdFile = Path.Combine(_bundle, "servers", "edge01.contoso.com", "edge-internal-edgepool.contoso.com.requestid");
        Assert.Equal("42", File.ReadAllText(requestIdFile).Trim());

        ps.SetPending(false);
        var calls = ps.Run(Script("servers/edge01.contoso.com/Request-Certificates.ps1")).Where(c => c.Command == "certreq").Select(c => c.Strings("Arguments")).ToList();
        var cer = Path.Combine(_bundle, "servers", "edge01.contoso.com", "edge-internal-edgepool.contoso.com.cer");
        Assert.Equal(["-retrieve", "-f", "-q", "-config", "ca01.contoso.com\\Contoso Issuing CA", "42", cer], calls[0]);
        Assert.Equal(["-accept", "-machine", "-f", "-q", cer], calls[1]);
        Assert.DoesNotContain(calls, c => c[0] == "-new" && c[3].Contains("edge-internal", StringComparison.Ordinal));
        Assert.False(File.Exists(requestIdFile));
    }

    [Fact]
    public void The_pfx_folder_defaults_to_the_script_folder_inside_the_script()
    {
        var internalCert = Certificate("edge-internal-edgepool.contoso.com");
        var externalCert = Certificate("edge-external-edgepool.contoso.com");
        var folder = Path.Combine(_bundle, "servers", "edge02.contoso.com");
        using var ps = new PowerShellRunner("edge02.contoso.com");
        ps.AddPfx(Path.Combine(folder, "edge-internal-edgepool.contoso.com.pfx"), internalCert.SubjectName, internalCert.SanNames, "1111");
        ps.AddPfx(Path.Combine(folder, "edge-external-edgepool.contoso.com.pfx"), externalCert.SubjectName, externalCert.SanNames, "2222");
        var calls = ps.Run(Script("servers/edge02.contoso.com/Set-Certificates.ps1"), new Dictionary<string, object?> { ["PfxPassword"] = Password() });
        Assert.Equal(2, calls.Count(c => c.Command == "Import-PfxCertificate"));
    }

    [Fact]
    public void With_central_keys_the_scripts_submit_the_csr_and_import_the_pfx_instead_of_making_a_key()
    {
        var validation = Validate.Run(SampleInputs.Topology(), SampleInputs.Policy());
        var (plan, _) = PlanStage.Run(validation.Result.Topology!, validation.Result.Policy!, Plan.RequestTime);
        var central = CertBuildTasks.Csr.CsrStage.CentralKeyIds(plan);
        var (files, _) = CertBuildTasks.Generation.GenerationStage.Run(plan, Generate.Version, new CertBuildTasks.Generation.GenerationOptions(central, new Dictionary<string, CertBuildTasks.Issued.IssuedRecord>()));
        var bundle = Path.Combine(_dir.Path, "central");
        new Generate.Outcome(plan, files, [], string.Empty).WriteTo(bundle);

        using var fe = new PowerShellRunner("fe01.contoso.com");
        var requests = fe.Run(Path.Combine(bundle, "servers/fe01.contoso.com/Request-Certificates.ps1")).Where(c => c.Command == "Request-CsCertificate").ToList();
        Assert.Equal(["Default", "WebServicesInternal", "WebServicesExternal"], Assert.Single(requests).Strings("Type")); // no OAuth request: its key is central

        using var edge = new PowerShellRunner("edge01.contoso.com");
        Assert.DoesNotContain(edge.Run(Path.Combine(bundle, "servers/edge01.contoso.com/Request-Certificates.ps1")), c => c.Command == "certreq");
        var assignment = PowerShellRunner.Parse(Path.Combine(bundle, "servers/edge01.contoso.com/Set-Certificates.ps1"), out _);
        Assert.Equal(2, assignment.FindAll(a => a is System.Management.Automation.Language.CommandAst c && c.GetCommandName() == "Import-PfxCertificate", true).Count());
    }
}
