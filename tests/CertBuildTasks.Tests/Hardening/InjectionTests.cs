using CertBuildTasks.Tests.Infrastructure;
using CertBuildTasks.Tests.Lifecycle;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Hardening;

/// <summary>
/// A value that reaches an INF, a script or a command line passes one check for that place that no
/// severity setting turns off (CBT4009), and the scripts hand native programs their arguments so that
/// Windows PowerShell 3.0–5.1 cannot split them: the estate here runs every script with
/// $PSNativeCommandArgumentPassing = 'Legacy', and certreq acts on what crossed a real process boundary.
/// </summary>
[Trait("Lane", "Build")]
[Collection(MSBuildTestGroup.Name)]
public sealed class InjectionTests : IDisposable
{
    private const string Injected = "ca01.contoso.com\\Contoso CA\" -attrib \"CertificateTemplate:SubCA";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static JObject CertreqPolicy(string config)
    {
        var policy = SampleInputs.Policy();
        policy["certificateAuthorities"]!["internal"]!["config"] = config;
        policy["certificates"] = new JObject { ["frontEnd"] = new JObject { ["requestMode"] = "certreq" } };
        return policy;
    }

    [Fact]
    public void A_ca_config_that_would_inject_certreq_arguments_fails_the_build_with_every_configurable_rule_off()
    {
        // Every rule that could judge the value, configured away — and the placement check itself too.
        var config = "dotnet_diagnostic.CBT2010.severity = none\ndotnet_diagnostic.CBT4001.severity = none\ndotnet_diagnostic.CBT4009.severity = none\n";
        var folder = _dir.File("ca");
        var build = InProcessBuild.Run(HardeningProject.Write(folder, policy: CertreqPolicy(Injected), globalConfig: config));
        Assert.False(build.Succeeded);
        var error = Assert.Single(build.Errors, e => e.Code == "CBT4009");
        Assert.EndsWith("policy.json", error.File, StringComparison.Ordinal);
        Assert.Equal(SampleInputs.LineOf(File.ReadAllText(Path.Combine(folder, "policy.json")), "\"config\""), error.LineNumber);
        Assert.Contains("certreq -config argument", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "bin", "certbundle")), "a bundle was published");
        Assert.DoesNotContain(HardeningProject.AllText(Path.Combine(folder, "obj")), f => f.Path.EndsWith(".ps1", StringComparison.Ordinal) || f.Path.EndsWith(".inf", StringComparison.Ordinal));
    }

    [Fact]
    public void A_digest_that_would_add_an_inf_line_fails_the_build_with_CBT2003_off()
    {
        var policy = SampleInputs.Policy();
        policy["hashAlgorithm"] = "SHA256\r\nKeyLength = 1024";
        var folder = _dir.File("hash");
        var build = InProcessBuild.Run(HardeningProject.Write(folder, policy: policy, globalConfig: "dotnet_diagnostic.CBT2003.severity = none\n"));
        Assert.False(build.Succeeded);
        Assert.Contains(build.Errors, e => e.Code is "CBT4001" or "CBT4009" && e.File.EndsWith("policy.json", StringComparison.Ordinal));
        // The findings quote the value (SARIF, stored results, the failure report, HTML-encoded there); nothing a tool reads as a request does.
        Assert.DoesNotContain(HardeningProject.AllText(folder), f => f.Text.Contains("KeyLength = 1024", StringComparison.Ordinal) && !f.Path.EndsWith("policy.json", StringComparison.Ordinal) && !f.Path.EndsWith(".sarif", StringComparison.Ordinal) && !f.Path.EndsWith(".result.json", StringComparison.Ordinal) && !f.Path.EndsWith(".report.html", StringComparison.Ordinal));
        var report = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(folder, "obj", "certbuild.report.html")));
        Assert.Empty(report.QuerySelectorAll("script"));
    }

    [Fact]
    public void Under_legacy_argument_passing_certreq_receives_the_ca_config_and_paths_intact()
    {
        // Spaces, an apostrophe, an ampersand, parentheses and a non-ASCII letter: all legal in a CA
        // name, all one argument; the bundle sits in a folder with a space in its name.
        const string Config = "ca01.contoso.com\\Soci\u00e9t\u00e9 O'Brien & Sons (R&D) Issuing CA";
        using var estate = new LifecycleDriver(SampleInputs.Topology(), CertreqPolicy(Config));
        estate.Run("fe01.contoso.com", "servers/fe01.contoso.com/Request-Certificates.ps1");

        var submit = Assert.Single(estate.Estate.CertreqCalls, c => c[0] == "-submit");
        var at = Array.IndexOf(submit, "-config");
        Assert.Equal(Config, submit[at + 1]);
        var request = Assert.Single(estate.Estate.CertreqCalls, c => c[0] == "-new");
        Assert.Contains(request, a => a.EndsWith(".inf", StringComparison.Ordinal) && a.Contains("Cert Bundle", StringComparison.Ordinal) && File.Exists(a));
        var fe = estate.Planned("frontend-fe01.contoso.com");
        Assert.Single(estate.Estate["fe01.contoso.com"].My, c => c.FriendlyName == fe.FriendlyName);
    }

    [Fact]
    public void The_estate_would_see_an_embedded_quote_split_so_the_scripts_refuse_one_before_certreq_runs()
    {
        using var estate = new LifecycleDriver(SampleInputs.Topology(), CertreqPolicy("ca01.contoso.com\\Contoso Issuing CA"));

        // The harness reproduces the defect: a quote inside one argument reaches certreq as several.
        var split = estate.Runner.Evaluate(
            "Enter-Machine -Fqdn 'fe01.contoso.com' -HasPkiModule $true; certreq.exe -submit -config $args[0] a.req a.cer | Out-Null; $calls = $global:Estate.CertreqCalls; $calls[$calls.Count - 1]",
            Injected);
        Assert.True(split.Contains("CertificateTemplate:SubCA"), string.Join(" | ", split));
        Assert.Contains("-attrib", split);

        // A script whose CA config was edited by hand to hold one: refused at the native boundary.
        var script = estate.Script("fe01.contoso.com", "servers/fe01.contoso.com/Request-Certificates.ps1");
        var text = File.ReadAllText(script);
        Assert.Contains("'ca01.contoso.com\\Contoso Issuing CA'", text, StringComparison.Ordinal);
        File.WriteAllLines(script, text.Split('\n').Select(line => line.Contains("Invoke-Certreq", StringComparison.Ordinal)
            ? line.Replace("'ca01.contoso.com\\Contoso Issuing CA'", "'" + Injected + "'", StringComparison.Ordinal)
            : line));
        var calls = estate.Estate.CertreqCalls.Count;
        var run = estate.Runner.Run("fe01.contoso.com", script);
        Assert.False(run.Succeeded);
        Assert.True(run.Error!.Contains("cannot be passed to a native program intact", StringComparison.Ordinal), run.Describe());
        Assert.DoesNotContain(estate.Estate.CertreqCalls.Skip(calls), c => c[0] == "-submit");
    }
}
