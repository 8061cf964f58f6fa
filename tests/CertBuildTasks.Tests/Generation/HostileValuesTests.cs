using System.Management.Automation.Language;
using CertBuildTasks.Generation;
using CertBuildTasks.Tests.Infrastructure;
using CertBuildTasks.Tests.Lifecycle;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Generation;

/// <summary>
/// Hostile text in every policy field that lands in a generated file is either refused with a CBT
/// diagnostic or escaped so that the parsed INF and the parsed and executed PowerShell carry exactly
/// the plan's value — never an extra INF key, an extra command or a changed argument.
/// </summary>
[Trait("Lane", "Build")]
public sealed class HostileValuesTests : IDisposable
{
    private const string FrontEndInf = "servers/fe01.contoso.com/frontend-fe01.contoso.com.inf";
    private const string FrontEndRequest = "servers/fe01.contoso.com/Request-Certificates.ps1";
    private const string EdgeRequest = "servers/edge01.contoso.com/Request-Certificates.ps1";
    private const string MediationRequest = "servers/med01.contoso.com/Request-Certificates.ps1";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string> Cases()
    {
        string[] values =
        [
            "Contoso \"R&D\"; Ltd",
            "$(Remove-Item -Recurse C:\\)",
            "a`nb `$env:PATH",
            "O'Brien & Sons",
            "'; Remove-Item C:\\ -Recurse; '",
            "\" & calc.exe & \"",
            "100% sure %USERNAME%",
            "a,b=c+d<e>#f;g\\h",
            "trailing\\",
            "Ops \u2018Team\u2019 \u201Ax\u201B",
            "Soci\u00e9t\u00e9 G\u00e9n\u00e9rale",
            "line1\nline2",
            "tab\there",
            "[RequestAttributes]",
            "Contoso \u202Egpj.exe",
        ];
        string[] fields = ["organization", "organizationalUnit", "locality", "state", "friendlyName", "template", "caName", "publicCaName"];
        var data = new TheoryData<string, string>();
        foreach (var field in fields)
        {
            foreach (var value in values)
            {
                data.Add(field, value);
            }
        }

        return data;
    }

    private static JObject PolicyWith(string field, string value)
    {
        var policy = SampleInputs.Policy();
        switch (field)
        {
            case "friendlyName":
                policy["friendlyName"] = "{kind} {pool} " + value;
                break;
            case "template":
                policy["certificateAuthorities"]!["internal"]!["template"] = value;
                break;
            case "caName":
                policy["certificateAuthorities"]!["internal"]!["config"] = "ca01.contoso.com\\" + value.Replace("\\", "/", StringComparison.Ordinal);
                break;
            case "publicCaName":
                policy["certificateAuthorities"]!["public"]!["name"] = value;
                break;
            default:
                policy["subject"]![field] = value;
                break;
        }

        return policy;
    }

    private static IReadOnlyList<string> CommandNames(string path) =>
        [.. PowerShellSyntax.Parse(path, out _).FindAll(a => a is CommandAst, true).Cast<CommandAst>().Select(c => c.GetCommandName() ?? "(dynamic)")];

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_hostile_value_is_refused_or_reaches_every_file_exactly(string field, string value)
    {
        var outcome = Generate.Run(PolicyWith(field, value));
        var inInf = field is not ("caName" or "publicCaName");
        var control = TextSafety.HasControlCharacter(value);
        if (control || (inInf && !TextSafety.IsAscii(value)))
        {
            Assert.Contains(outcome.Diagnostics, d => d.Id == (control ? "CBT4001" : "CBT4002"));
            Assert.Empty(outcome.Files);
            return;
        }

        // What no severity setting lets through: a bidirectional control anywhere, and in the CA config
        // (a certreq argument) what Windows PowerShell 3.0–5.1 or cmd would read as syntax.
        var config = outcome.Plan.Policy.InternalCaConfig!.Value;
        if (TextSafety.BidiControl(value) is not null || (field == "caName" && CertBuildTasks.Rules.Generation.TextPlacementRule.CommandLineProblem(config) is not null))
        {
            Assert.Contains(outcome.Diagnostics, d => d.Id == "CBT4009");
            Assert.Empty(outcome.Files);
            return;
        }

        Assert.Empty(outcome.Diagnostics);
        var baseline = Generate.Run(SampleInputs.Policy());
        var fe = outcome.Plan.Certificates.Single(c => c.Id == "frontend-fe01.contoso.com");

        // The INF: the same keys as always (plus the no-plus flag when a subject value has '+') and the exact values.
        var inf = InfDocument.Parse(outcome.Text(FrontEndInf));
        var expectedKeys = InfDocument.Parse(baseline.Text(FrontEndInf)).Entries.Select(e => e.Section + "/" + e.Key).ToList();
        if (DistinguishedName.NeedsNoPlusFlag(fe.SubjectName, fe.Subject))
        {
            expectedKeys.Insert(2, "NewRequest/X500NameFlags");
        }

        Assert.Equal(expectedKeys, inf.Entries.Select(e => e.Section + "/" + e.Key));
        Assert.Equal(DistinguishedName.Components(fe.SubjectName, fe.Subject).ToList(), InfDocument.ParseSubject(inf.Value("NewRequest", "Subject")));
        Assert.Equal(fe.FriendlyName, inf.Value("NewRequest", "FriendlyName"));
        Assert.Equal(fe.Template, inf.Value("RequestAttributes", "CertificateTemplate"));

        // The scripts: the same commands as always, and the exact values when they run.
        var bundle = outcome.WriteTo(Path.Combine(_dir.Path, "bundle"));
        var reference = baseline.WriteTo(Path.Combine(_dir.Path, "baseline"));
        foreach (var script in new[] { FrontEndRequest, EdgeRequest, "servers/fe01.contoso.com/Set-Certificates.ps1", "global/reverse-proxy/Request-ReverseProxyCertificate.ps1" })
        {
            PowerShellSyntax.Parse(Path.Combine(bundle, script), out var errors);
            Assert.Empty(errors);
            Assert.Equal(CommandNames(Path.Combine(reference, script)), CommandNames(Path.Combine(bundle, script)));
        }

        // Run in the estate: the cmdlet and certreq receive exactly the plan's values (the estate's CA
        // is the one the policy names, so a changed config string finds no CA).
        var certreq = PolicyWith(field, value);
        certreq["certificates"] = new JObject { ["mediation"] = new JObject { ["requestMode"] = "certreq" } };
        using var estate = new LifecycleDriver(SampleInputs.Topology(), certreq);
        var planned = estate.Planned("frontend-fe01.contoso.com");
        estate.Run("fe01.contoso.com", FrontEndRequest);
        var call = estate.Estate.CmdletRequests.Single(c => ((string[])c["Type"]!).Contains("Default"));
        Assert.Equal(planned.FriendlyName, call["FriendlyName"]);
        Assert.Equal(planned.Template, call["Template"]);
        Assert.Equal(planned.CaConfig, call["CA"]);
        Assert.Equal(
            (planned.Subject.Organization?.Value, planned.Subject.OrganizationalUnit?.Value, planned.Subject.Locality?.Value, planned.Subject.State?.Value),
            (call["Organization"] as string, call["OU"] as string, call["City"] as string, call["State"] as string));
        Assert.Equal(planned.FriendlyName, estate.Estate["fe01.contoso.com"].My.Single(c => c.FriendlyName == planned.FriendlyName).FriendlyName);

        estate.Run("med01.contoso.com", MediationRequest);
        var submit = estate.Estate.CertreqCalls.Single(a => a[0] == "-submit");
        Assert.Equal(planned.CaConfig, submit[4]);
        var mediation = estate.Planned("mediation-med01.contoso.com");
        Assert.Equal(mediation.FriendlyName, Assert.Single(estate.Estate["med01.contoso.com"].My).FriendlyName); // certreq read the INF's exact friendly name
    }
}
