using CertBuildTasks.Tests.Infrastructure;
using Microsoft.Build.Evaluation;

namespace CertBuildTasks.Tests.MSBuild;

/// <summary>
/// Which MSBuild runs the tasks. Nothing here runs Windows or Visual Studio: the engine's runtime type
/// and version are stood in for by the properties the targets read them through, and the real engine
/// (the SDK's MSBuild 18, in process) runs the chain with the UsingTask Visual Studio 2026 would get.
/// </summary>
[Trait("Lane", "Build")]
[Collection(MSBuildTestGroup.Name)]
public sealed class RuntimeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Project()
    {
        _dir.Write(".editorconfig", "root = true\n");
        _dir.Write("topology.json", SampleInputs.ToText(SampleInputs.Topology()));
        _dir.Write("policy.json", SampleInputs.ToText(SampleInputs.Policy()));
        return InProcessBuild.WriteProject(_dir, "<ItemGroup><CertTopology Include=\"topology.json\" /><CertPolicy Include=\"policy.json\" /></ItemGroup>");
    }

    private static Dictionary<string, string?> Engine(string runtimeType, string version, string? sdk) => new()
    {
        ["_CertMSBuildRuntimeType"] = runtimeType,
        ["_CertMSBuildVersion"] = version,
        ["NETCoreSdkVersion"] = sdk ?? string.Empty,
    };

    [Theory]
    [InlineData("17.14.8", "10.0.100")]
    [InlineData("18.0.5", "9.0.306")]
    [InlineData("18.0.5", null)]
    public void The_framework_msbuild_without_the_net_task_host_stops_with_CBT9001_saying_what_to_use(string version, string? sdk)
    {
        var build = InProcessBuild.Run(Project(), properties: Engine("Full", version, sdk));

        Assert.False(build.Succeeded);
        var error = Assert.Single(build.Errors);
        Assert.Equal("CBT9001", error.Code);
        Assert.Contains("MSBuild " + version, error.Message, StringComparison.Ordinal);
        Assert.Contains("SDK " + (sdk ?? "none"), error.Message, StringComparison.Ordinal);
        Assert.Contains("'dotnet build'", error.Message, StringComparison.Ordinal);
        // The targets say what the descriptor says (the rule page and SARIF describe the same error).
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, CertBuildTasks.Diagnostics.InternalDiagnostics.FullFrameworkMSBuild.MessageFormat, version, sdk ?? "none"), error.Message);
        var help = new Uri(error.HelpLink);
        Assert.True(help.IsFile && File.Exists(help.LocalPath), error.HelpLink);
        Assert.False(File.Exists(_dir.File("obj/certbuild.report.html")), "a task ran on an MSBuild that cannot run it");
    }

    [Fact]
    public void Msbuild_18_with_the_net_10_sdk_runs_the_tasks_with_the_net_runtime()
    {
        var project = Project();
        var properties = Engine("Full", "18.0.5", "10.0.100");
        using (var collection = new ProjectCollection(properties!))
        {
            Assert.Equal("NET", collection.LoadProject(project).GetPropertyValue("_CertTaskRuntime"));
        }

        // The SDK's own MSBuild 18 accepts Runtime="NET" for these tasks and runs the whole chain with it.
        var build = InProcessBuild.Run(project, properties: properties);
        Assert.True(build.Succeeded, build.Describe());
        Assert.True(File.Exists(_dir.File("bin/certbundle/manifest.json")));
    }

    [Fact]
    public void The_inputs_are_what_visual_studio_s_fast_up_to_date_check_watches()
    {
        using var collection = new ProjectCollection();
        var inputs = collection.LoadProject(Project()).GetItems("UpToDateCheckInput").Select(i => i.EvaluatedInclude).ToList();

        Assert.Equal(["topology.json", "policy.json"], inputs);
    }
}
