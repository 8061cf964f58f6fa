using System.Text.Json;
using AngleSharp.Html.Parser;
using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.MSBuild;

/// <summary>
/// The end of the chain, with the real MSBuild engine in process: the findings of stages an incremental
/// build skipped are logged again (-warnaserror sees them), the SARIF level is the one MSBuild gives,
/// and a failed build leaves its report.
/// </summary>
[Trait("Lane", "Build")]
[Collection(MSBuildTestGroup.Name)]
public sealed class FinishTargetTests : IDisposable
{
    private const string FailureReport = "obj/certbuild.report.html";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Project(JObject topology)
    {
        _dir.Write(".editorconfig", "root = true\n");
        _dir.Write("topology.json", SampleInputs.ToText(topology));
        _dir.Write("policy.json", SampleInputs.ToText(SampleInputs.Policy()));
        return InProcessBuild.WriteProject(_dir, "<ItemGroup><CertTopology Include=\"topology.json\" /><CertPolicy Include=\"policy.json\" /></ItemGroup>");
    }

    private string SarifLevel(string ruleId)
    {
        using var sarif = JsonDocument.Parse(File.ReadAllText(_dir.File("obj/certbuild.sarif")));
        return sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("ruleId").GetString() == ruleId).GetProperty("level").GetString()!;
    }

    [Fact]
    public void A_warning_of_a_skipped_stage_fails_a_warnaserror_build_and_is_an_error_in_sarif_until_the_switch_goes()
    {
        var project = Project(SampleInputs.TopologyWithWarning());
        var first = InProcessBuild.Run(project);
        Assert.True(first.Succeeded, first.Describe());
        Assert.Equal(["CBT1116"], first.WarningCodes);
        Assert.Equal("warning", SarifLevel("CBT1116"));

        var bundle = File.ReadAllBytes(_dir.File("bin/certbundle/manifest.json"));
        var strict = InProcessBuild.Run(project, warnAsError: true);
        Assert.False(strict.Ran("ValidateCertificateInputs"));
        Assert.True(strict.Ran("FinishCertificateBuild"));
        Assert.False(strict.Succeeded);
        Assert.Equal(["CBT1116"], strict.ErrorCodes);
        Assert.Equal("error", SarifLevel("CBT1116"));
        // It stops where a build that ran validation would: before generation, the bundle as it was, a failure report written.
        Assert.False(strict.Ran("GenerateCertificateArtifacts"));
        Assert.Equal(bundle, File.ReadAllBytes(_dir.File("bin/certbundle/manifest.json")));
        Assert.True(File.Exists(_dir.File(FailureReport)));

        var relaxed = InProcessBuild.Run(project);
        Assert.True(relaxed.Succeeded, relaxed.Describe());
        Assert.False(relaxed.Ran("ValidateCertificateInputs"));
        Assert.Equal(["CBT1116"], relaxed.WarningCodes);
        Assert.Equal("warning", SarifLevel("CBT1116"));
        Assert.False(File.Exists(_dir.File(FailureReport)));

        // A build that runs validation under -warnaserror stops at it the same way.
        var full = InProcessBuild.Run(project, properties: new Dictionary<string, string?> { ["NoWarn"] = "CBT9999" }, warnAsError: true);
        Assert.True(full.Ran("ValidateCertificateInputs"));
        Assert.False(full.Ran("PlanCertificates"));
        Assert.Equal(["CBT1116"], full.ErrorCodes);
    }

    [Fact]
    public void A_stage_that_ran_is_not_logged_twice_and_a_build_without_findings_runs_no_task_at_its_end()
    {
        var project = Project(SampleInputs.TopologyWithWarning());
        var first = InProcessBuild.Run(project);
        Assert.Single(first.Warnings);

        var clean = Project(SampleInputs.Topology());
        var fixedBuild = InProcessBuild.Run(clean);
        Assert.True(fixedBuild.Succeeded, fixedBuild.Describe());
        Assert.Empty(fixedBuild.Warnings);
        Assert.False(File.Exists(_dir.File("obj/certbuild/findings.marker")));
        var noOp = InProcessBuild.Run(clean);
        Assert.False(noOp.Ran("FinishCertificateBuild"));
    }

    [Fact]
    public void A_failed_build_leaves_a_report_with_its_findings_and_the_next_good_build_removes_it()
    {
        var topology = SampleInputs.Topology();
        ((JArray)SampleInputs.Pool(topology, "FrontEnd")["servers"]!).Add("fe01.contoso.com"); // CBT1101
        var project = Project(topology);
        var failed = InProcessBuild.Run(project);
        Assert.False(failed.Succeeded);
        Assert.Contains("CBT1101", failed.ErrorCodes);
        Assert.False(File.Exists(_dir.File("bin/certbundle/manifest.json")));

        var report = new HtmlParser().ParseDocument(File.ReadAllText(_dir.File(FailureReport)));
        Assert.Contains("This build failed", report.QuerySelector(".banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(report.QuerySelectorAll("#diagnostics ~ div td a"), a => a.TextContent == "CBT1101");
        Assert.NotNull(report.GetElementById("rule-CBT1101"));
        Assert.Contains(failed.Messages, m => m.Message!.Contains("certbuild.report.html", StringComparison.Ordinal) && m.Importance == Microsoft.Build.Framework.MessageImportance.High);

        var good = InProcessBuild.Run(Project(SampleInputs.Topology()));
        Assert.True(good.Succeeded, good.Describe());
        Assert.False(File.Exists(_dir.File(FailureReport)));
        Assert.True(File.Exists(_dir.File("bin/certbundle/report.html")));
    }

    [Fact]
    public void A_gate_failure_s_report_carries_the_plan_it_got_to()
    {
        // Every planned certificate is required, and the only issued one matches none (CBT3007, an error).
        _dir.Write(".editorconfig", "root = true\n");
        _dir.Write("topology.json", SampleInputs.ToText(SampleInputs.Topology()));
        _dir.Write("policy.json", SampleInputs.ToText(SampleInputs.Policy()));
        var project = InProcessBuild.WriteProject(
            _dir,
            "<ItemGroup><CertTopology Include=\"topology.json\" /><CertPolicy Include=\"policy.json\" />" + UnplannedCertificate.Write(_dir) + "</ItemGroup>",
            "<CertRequireAllIssued>true</CertRequireAllIssued>");

        var failed = InProcessBuild.Run(project);
        Assert.False(failed.Succeeded);

        var report = new HtmlParser().ParseDocument(File.ReadAllText(_dir.File(FailureReport)));
        Assert.NotNull(report.GetElementById("matrix"));
        Assert.NotNull(report.GetElementById("steps"));
        Assert.Contains(failed.ErrorCodes, c => c.StartsWith("CBT3", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failure_report_pointed_into_the_bundle_folder_is_refused_and_the_bundle_stays_whole()
    {
        var project = Project(SampleInputs.TopologyWithWarning());
        Assert.True(InProcessBuild.Run(project).Succeeded);
        var report = File.ReadAllBytes(_dir.File("bin/certbundle/report.html"));

        var build = InProcessBuild.Run(project, properties: new Dictionary<string, string?> { ["CertFailureReportPath"] = _dir.File("bin/certbundle/report.html") });

        Assert.False(build.Succeeded);
        var error = Assert.Single(build.Errors);
        Assert.Equal("CBT4007", error.Code);
        Assert.Contains("inside the bundle folder", error.Message, StringComparison.Ordinal);
        Assert.Equal(report, File.ReadAllBytes(_dir.File("bin/certbundle/report.html")));
    }
}
