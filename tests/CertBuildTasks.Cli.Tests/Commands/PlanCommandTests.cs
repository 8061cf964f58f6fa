using CertBuildTasks.Cli.Tests.Infrastructure;

namespace CertBuildTasks.Cli.Tests.Commands;

/// <summary>certbuild plan --out: the pipeline's plan.json, written only when there is no error.</summary>
public sealed class PlanCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_plan_written_is_the_pipelines_plan_json_byte_for_byte()
    {
        var run = Certbuild.Run(_dir.Path, "plan", "--topology", Samples.Topology("Contoso"), "--policy", Samples.Policy("Contoso"), "--at", Samples.At, "--out", "plan.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = InProcessPipeline.For(Samples.Topology("Contoso"), Samples.Policy("Contoso"), _dir.File("Contoso.certbuild")).Plan().Value!;
        Assert.Equal(expected.PlanJson, File.ReadAllBytes(_dir.File("plan.json")));
        Assert.Contains($"\"generator\": \"CertBuildTasks {Pipeline.ToolVersion.Current}\"", File.ReadAllText(_dir.File("plan.json")), StringComparison.Ordinal);
        Assert.Contains($"certbuild plan: wrote plan plan.json", run.Out, StringComparison.Ordinal);
        Assert.Contains($"planned {expected.Plan.Certificates.Length} certificate(s)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_with_errors_writes_nothing_and_leaves_an_earlier_plan_as_it_was()
    {
        var earlier = _dir.Write("plan.json", "{ \"earlier\": true }\n");

        var run = Certbuild.Run(_dir.Path, "plan", "--topology", Samples.Topology("Broken"), "--policy", Samples.Policy("Broken"), "--out", "plan.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("{ \"earlier\": true }\n", File.ReadAllText(earlier));
        Assert.Contains("no plan (errors above)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_that_cannot_be_written_is_CBT4007_and_exit_code_2()
    {
        _dir.Write("a-file", "not a folder");

        var run = Certbuild.Run(_dir.Path, "plan", "--topology", Samples.Topology("Contoso"), "--policy", Samples.Policy("Contoso"), "--out", "a-file/plan.json");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(run.Lines, l => l.StartsWith("certbuild : error CBT4007: certbuild plan could not write '" + _dir.File("a-file/plan.json") + "'", StringComparison.Ordinal));
    }
}
