using CertBuildTasks.Cli.Tests.Infrastructure;
using NJsonSchema;

namespace CertBuildTasks.Cli.Tests.Commands;

/// <summary>--format json follows the schema the tool ships (certbuild-result.schema.json), whatever the command and its outcome.</summary>
public sealed class JsonSchemaTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static JsonSchema Schema { get; } = JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "certbuild-result.schema.json")).GetAwaiter().GetResult();

    public static TheoryData<string[], int> Runs => new()
    {
        { ["validate", "--topology", Samples.Topology("Broken"), "--policy", Samples.Policy("Broken")], 1 },
        { ["validate", "--topology", SharedTopologies.Path(SharedTopologies.ContosoTbxml)], 0 },
        { ["plan", "--topology", Samples.Topology("Contoso"), "--policy", Samples.Policy("Contoso"), "--out", "plan.json", "--sarif", "plan.sarif"], 0 },
        { ["plan", "--topology", Samples.Topology("Contoso"), "--out", "a-file/plan.json"], 2 },
        { ["bundle", "--topology", Samples.Topology("Contoso"), "--policy", Samples.Policy("Contoso"), "--out", "out/certbundle"], 0 },
        { ["bundle", "--topology", Samples.Topology("Broken"), "--policy", Samples.Policy("Broken"), "--out", "out/certbundle", "--failure-report", "failure.html"], 1 },
        { ["convert", SharedTopologies.Path(SharedTopologies.OtcTbxml), "--out", "topology.json"], 0 },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Every_json_result_follows_the_schema(string[] arguments, int exitCode)
    {
        _dir.Write("a-file", "not a folder");

        var run = Certbuild.Run(_dir.Path, [.. arguments, "--format", "json"]);

        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.Empty(Schema.Validate(run.Out).Select(e => e.ToString()));
    }

    [Fact]
    public void The_schema_refuses_what_certbuild_never_writes()
    {
        var good = Certbuild.Run(_dir.Path, "validate", "--topology", Samples.Topology("Broken"), "--format", "json").Out;

        Assert.Empty(Schema.Validate(good));
        Assert.NotEmpty(Schema.Validate(good.Replace("\"exitCode\": 1", "\"exitCode\": 3", StringComparison.Ordinal)));
        Assert.NotEmpty(Schema.Validate(good.Replace("\"severity\": \"error\"", "\"severity\": \"fatal\"", StringComparison.Ordinal)));
        Assert.NotEmpty(Schema.Validate(good.Replace("\"written\": {}", "\"written\": { \"elsewhere\": \"x\" }", StringComparison.Ordinal)));
    }
}
