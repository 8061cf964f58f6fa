using System.Security.Cryptography;
using CertBuildTasks.Csr;
using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Hardening;

/// <summary>
/// Inputs that are valid JSON but beyond any real deployment: refused before the expensive stage runs
/// (Microsoft's supported pool sizes, CBT1120; what no deployment comes near, CBT1121; key sizes the
/// schema caps at 16,384 bits), and a flood of findings capped per rule and file (CBT9002) so the
/// console, the SARIF log and the report stay readable.
/// </summary>
[Trait("Lane", "Build")]
[Collection(MSBuildTestGroup.Name)]
public sealed class LimitsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static BuildRecord Watched(string project)
    {
        var build = Task.Run(() => InProcessBuild.Run(project));
        Assert.True(build.Wait(TimeSpan.FromMinutes(3)), "the build did not finish");
        return build.Result;
    }

    [Fact]
    public void A_front_end_pool_of_5000_servers_is_refused_at_the_pool_before_anything_is_planned()
    {
        var topology = SampleInputs.Topology();
        SampleInputs.Pool(topology, "FrontEnd")["servers"] = new JArray(Enumerable.Range(0, 5000).Select(i => $"fe{i}.contoso.com"));
        var folder = _dir.File("pool");
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var build = Watched(HardeningProject.Write(folder, topology));

        Assert.False(build.Succeeded);
        var line = SampleInputs.LineOf(File.ReadAllText(Path.Combine(folder, "topology.json")), "\"pool01.contoso.com\"");
        Assert.Contains(build.Errors, e => e.Code == "CBT1120" && e.LineNumber == line && e.Message!.Contains("at most 12", StringComparison.Ordinal));
        Assert.Contains(build.Errors, e => e.Code == "CBT1121" && e.LineNumber == line);
        Assert.False(File.Exists(Path.Combine(folder, "obj", "certbuild", "bundle", "plan.json")), "the pool was planned");
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - allocated < 1L << 30, "the refusal cost more than a gigabyte");
    }

    [Fact]
    public void A_front_end_pool_of_13_with_CBT1120_turned_off_is_planned_with_a_certificate_per_member()
    {
        // The supported maximum is advice an admin may overrule; CBT1121's limit is not.
        var topology = SampleInputs.Topology();
        SampleInputs.Pool(topology, "FrontEnd")["servers"] = new JArray(Enumerable.Range(1, 13).Select(i => $"fe{i:D2}.contoso.com"));
        var folder = _dir.File("thirteen");
        var build = Watched(HardeningProject.Write(folder, topology, globalConfig: "dotnet_diagnostic.CBT1120.severity = none\n"));
        Assert.True(build.Succeeded, build.Describe());
        var plan = File.ReadAllText(Path.Combine(folder, "bin", "certbundle", "plan.json"));
        Assert.Equal(13, Enumerable.Range(1, 13).Count(i => plan.Contains($"\"frontend-fe{i:D2}.contoso.com\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void Three_hundred_thousand_empty_entries_give_100_findings_and_one_summary_and_a_small_report()
    {
        var folder = _dir.File("deployed");
        var project = HardeningProject.Write(folder, items: "<DeployedCertificate Include=\"deployed.json\" />");
        File.WriteAllText(Path.Combine(folder, "deployed.json"), "[" + string.Join(",", Enumerable.Repeat("{}", 300_000)) + "]");

        var build = Watched(project);
        Assert.Equal(100, build.Errors.Count(e => e.Code == "CBT5000"));
        var summary = Assert.Single(build.Messages, m => m.Code == "CBT9002");
        Assert.Contains("299,900 more CBT5000 findings in this file are not shown; the first 100 are", summary.Message, StringComparison.Ordinal);
        Assert.EndsWith("deployed.json", summary.File, StringComparison.Ordinal);

        // Errors of the check in service still publish (the renewal scripts are the fix): the report is readable.
        Assert.True(new FileInfo(Path.Combine(folder, "obj", "certbuild.sarif")).Length < 1024 * 1024, "the SARIF log holds the flood");
        var report = Path.Combine(folder, "bin", "certbundle", "report.html");
        Assert.True(File.Exists(report), build.Describe());
        Assert.True(new FileInfo(report).Length < 1024 * 1024, "the report holds the flood");
        Assert.Contains("299,900 more CBT5000 findings", File.ReadAllText(report), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(16385)]
    [InlineData(65536)]
    public void A_key_size_above_16384_is_refused_by_the_schema_at_the_setting(int bits)
    {
        var policy = SampleInputs.Policy();
        policy["keySize"] = bits;
        var outcome = Validate.Run(SampleInputs.Topology(), policy);
        var d = Assert.Single(outcome.Of("CBT1004"));
        Assert.Equal(SampleInputs.LineOf(outcome.PolicyText, "\"keySize\""), d.Location.Line);
        Assert.Null(outcome.Result.Policy);
    }

    [Fact]
    public void Key_generation_is_given_up_when_the_build_is_cancelled_and_no_key_is_stored()
    {
        // 8,192 bits: seconds per key on one core, so the cancellation lands while keys are being made.
        var policy = SampleInputs.Policy();
        policy["keySize"] = 8192;
        var plan = Generate.Run(policy).Plan;
        var store = _dir.File("keys");
        var settings = new CsrStage.Settings(store, "CBT_KEY_PASSWORD", "correct horse", [_dir.File("bin"), _dir.File("obj")], _dir.File("app.csproj"));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.ThrowsAny<OperationCanceledException>(() => CsrStage.Run(plan, settings, cancellation.Token));
        Assert.False(Directory.Exists(store) && Directory.EnumerateFiles(store, "*.key.pem").Any(), "a key was stored after the cancellation");
    }
}
