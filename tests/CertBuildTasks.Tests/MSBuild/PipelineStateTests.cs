using System.Text.Json;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.MSBuild;

/// <summary>
/// The build state as one owner keeps it: an input touched but unchanged settles after one build,
/// skipped stages keep their findings in the SARIF log and the report, and one build reads, validates
/// and plans its inputs once, whichever stages run.
/// </summary>
[Trait("Lane", "Build")]
[Collection(MSBuildTestGroup.Name)]
public sealed class PipelineStateTests : IDisposable
{
    private static readonly string[] StageTasks =
        ["ValidateCertificateInputs", "PlanCertificates", "ValidateIssuedCertificates", "CheckDeployedCertificates", "GenerateCertificateArtifacts", "CreateCertificateBundle"];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Project(string items = "", string properties = "")
    {
        var policy = SampleInputs.Policy();
        policy["keySize"] = 3072; // CBT2002, and CBT4006 for the cmdlet requests of that size
        _dir.Write("topology.json", SampleInputs.ToText(SampleInputs.Topology()));
        _dir.Write("policy.json", SampleInputs.ToText(policy));
        _dir.Write(".editorconfig", "root = true\n");
        _dir.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.CBT4006.severity = warning\n");
        return InProcessBuild.WriteProject(_dir, "<ItemGroup><CertTopology Include=\"topology.json\" /><CertPolicy Include=\"policy.json\" />" + items + "</ItemGroup>", properties);
    }

    private List<string> SarifIds()
    {
        using var sarif = JsonDocument.Parse(File.ReadAllText(_dir.File("obj/certbuild.sarif")));
        return [.. sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()!).Distinct().Order(StringComparer.Ordinal)];
    }

    [Theory]
    [InlineData("topology.json")]
    [InlineData("policy.json")]
    [InlineData(".globalconfig")]
    public void An_input_touched_but_unchanged_runs_validation_once_and_then_settles(string input)
    {
        var project = Project();
        var first = InProcessBuild.Run(project);
        Assert.True(first.Succeeded, first.Describe());

        // A touch, as `touch` does it: the file's time is now, after every output of the first build.
        Thread.Sleep(50);
        File.SetLastWriteTimeUtc(_dir.File(input), DateTime.UtcNow);
        var touched = InProcessBuild.Run(project);
        Assert.True(touched.Succeeded, touched.Describe());
        Assert.True(touched.Ran("ValidateCertificateInputs"));
        Assert.Equal(["ValidateCertificateInputs"], StageTasks.Where(touched.Ran));

        var settled = InProcessBuild.Run(project);
        Assert.True(settled.Succeeded, settled.Describe());
        Assert.DoesNotContain(StageTasks, settled.Ran);
    }

    [Fact]
    public void Skipped_stages_keep_their_findings_in_the_sarif_log_and_the_report()
    {
        var project = Project(UnplannedCertificate.Write(_dir));
        var first = InProcessBuild.Run(project);
        Assert.True(first.Succeeded, first.Describe());
        var ids = SarifIds();
        Assert.Contains("CBT4006", ids); // generation
        Assert.Contains("CBT3005", ids); // the gate
        Assert.Contains("CBT2002", ids); // validation

        // The gate runs on every build (the clock matters) and finds the same: generation's findings stay.
        var second = InProcessBuild.Run(project);
        Assert.True(second.Ran("ValidateIssuedCertificates"));
        Assert.False(second.Ran("GenerateCertificateArtifacts"));
        Assert.Equal(ids, SarifIds());

        // A bundle published again without generating again still reports every stage's findings.
        File.Delete(_dir.File("bin/certbundle/manifest.json"));
        var republished = InProcessBuild.Run(project);
        Assert.True(republished.Ran("CreateCertificateBundle"));
        Assert.False(republished.Ran("GenerateCertificateArtifacts"));
        var report = File.ReadAllText(_dir.File("bin/certbundle/report.html"));
        foreach (var id in ids)
        {
            Assert.Contains(id, report, StringComparison.Ordinal);
        }

        Assert.Equal(ids, SarifIds());
    }

    [Fact]
    public void A_changed_result_drops_the_findings_of_the_stages_that_consumed_it()
    {
        var project = Project();
        Assert.Contains("CBT4006", InProcessBuild.Run(project).WarningCodes);
        Assert.Contains("CBT4006", SarifIds());

        // Validation now fails: the later stages do not run, and their old findings leave the log.
        _dir.Write("topology.json", "{ \"broken\": ");
        var broken = InProcessBuild.Run(project);
        Assert.False(broken.Succeeded);
        Assert.Equal(["CBT1003"], SarifIds());
    }

    [Fact]
    public void One_build_with_issued_and_deployed_certificates_validates_once_and_plans_once()
    {
        _dir.Write("deployed.json", """
            [ { "Server": "fe01.contoso.com", "Use": "Default", "Thumbprint": "AB00000000000000000000000000000000000000", "NotAfter": "2030-01-01T00:00:00Z", "Subject": "CN=pool01.contoso.com", "AlternativeNames": ["pool01.contoso.com"] } ]
            """);
        var project = Project(UnplannedCertificate.Write(_dir) + "<DeployedCertificate Include=\"deployed.json\" />");
        var build = InProcessBuild.Run(project);
        Assert.True(StageTasks.All(build.Ran), "every stage task runs in a first build");
        var computed = build.Messages.Select(m => m.Message ?? string.Empty).Where(m => m.StartsWith("CertBuildTasks computed the ", StringComparison.Ordinal)).ToList();
        Assert.Single(computed, m => m.Contains(" validate stage", StringComparison.Ordinal));
        Assert.Single(computed, m => m.Contains(" plan stage", StringComparison.Ordinal));
        Assert.Single(computed, m => m.Contains(" issued stage", StringComparison.Ordinal));
        Assert.Single(computed, m => m.Contains(" generate stage", StringComparison.Ordinal));
    }
}
