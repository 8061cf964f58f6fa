using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.MSBuild;

/// <summary>
/// A few end-to-end runs of `dotnet build` out of process on an SDK project that imports the targets,
/// as a user would see them: canonical lines, the hook before compile, incremental skip, clean.
/// </summary>
[Trait("Lane", "Build")]
[Collection(MSBuildTestGroup.Name)]
public sealed class DotnetBuildSmokeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string WriteSdkProject(string topologyText)
    {
        _dir.Write("topology.json", topologyText);
        _dir.Write("certificate-policy.json", SampleInputs.ToText(SampleInputs.Policy()));
        _dir.Write("Class1.cs", "namespace Smoke; public static class Class1 { }");
        return WriteSdkProject("Smoke", """<ItemGroup><CertTopology Include="topology.json" /><CertPolicy Include="certificate-policy.json" /></ItemGroup>""");
    }

    /// <summary>An SDK project that imports the targets from the source tree, as the package would.</summary>
    private string WriteSdkProject(string name, string items, string sdk = "Microsoft.NET.Sdk") =>
        _dir.Write(name + ".csproj", SourceTreeProject.Xml(items, sdk));

    [Fact]
    public void A_valid_project_builds_clean_then_skips_validation_and_clean_removes_the_outputs()
    {
        WriteSdkProject(SampleInputs.ToText(SampleInputs.Topology()));
        var (code, output) = DotNetCli.Run(_dir.Path, "build", "-nologo");
        Assert.True(code == 0, output);
        Assert.Contains("0 Warning(s)", output, StringComparison.Ordinal);
        Assert.True(File.Exists(_dir.File("obj/Debug/net10.0/certbuild.sarif")));

        var bundleFiles = Directory.GetFiles(_dir.File("bin/Debug/net10.0/certbundle"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var (code2, output2) = DotNetCli.Run(_dir.Path, "build", "-nologo", "--no-restore", "-v:n");
        Assert.True(code2 == 0, output2);

        // IncrementalClean of the no-op build deleted nothing of the bundle.
        Assert.Equal(bundleFiles, Directory.GetFiles(_dir.File("bin/Debug/net10.0/certbundle"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        Assert.Contains("Skipping target \"CertValidate\" because all output files are up-to-date", output2, StringComparison.Ordinal);

        Assert.True(File.Exists(_dir.File("bin/Debug/net10.0/Smoke-certificates.zip")));
        Assert.True(File.Exists(_dir.File("bin/Debug/net10.0/certbundle/report.html")));
        var (code3, output3) = DotNetCli.Run(_dir.Path, "clean", "-nologo");
        Assert.True(code3 == 0, output3);
        Assert.False(File.Exists(_dir.File("bin/Debug/net10.0/Smoke-certificates.zip")));
        Assert.False(File.Exists(_dir.File("bin/Debug/net10.0/certbundle/plan.json")));
        Assert.Empty(Directory.GetFiles(_dir.File("bin/Debug/net10.0/certbundle"), "*", SearchOption.AllDirectories));
        Assert.False(File.Exists(_dir.File("obj/Debug/net10.0/certbuild.sarif")));
        Assert.False(File.Exists(_dir.File("obj/Debug/net10.0/certbuild/validate.stamp")));
    }

    [Fact]
    public void A_multi_targeted_project_runs_the_chain_once_and_prints_each_finding_once()
    {
        WriteSdkProject(SampleInputs.ToText(SampleInputs.TopologyWithWarning())); // CBT1116, a warning
        var project = File.ReadAllText(_dir.File("Smoke.csproj")).Replace("<TargetFramework>net10.0</TargetFramework>", "<TargetFrameworks>net10.0;net8.0</TargetFrameworks>", StringComparison.Ordinal);
        File.WriteAllText(_dir.File("Smoke.csproj"), project);
        var (code, output) = DotNetCli.Run(_dir.Path, "build", "-nologo", "-v:n");
        Assert.True(code == 0, output);
        // MSBuild prints a warning where it happens and again in the summary: twice for one run of the chain.
        Assert.Equal(2, output.Split('\n').Count(l => l.Contains("warning CBT1116", StringComparison.Ordinal)));
        Assert.Single(output.Split('\n'), l => l.Contains("CertBuildTasks bundle:", StringComparison.Ordinal));
        Assert.True(File.Exists(_dir.File("bin/Debug/net10.0/certbundle/plan.json")));
        Assert.False(Directory.Exists(_dir.File("bin/Debug/net8.0/certbundle")));
    }

    [Fact]
    public void A_project_without_certbuildtasks_inputs_is_left_alone()
    {
        // As with Directory.Build.props or GlobalPackageReference: every project of a solution imports the targets.
        _dir.Write("Class1.cs", "namespace Lib; public static class Class1 { }");
        WriteSdkProject("Lib", string.Empty);
        var (code, output) = DotNetCli.Run(_dir.Path, "build", "-nologo");
        Assert.True(code == 0, output);
        Assert.Contains("0 Warning(s)", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.File("obj/Debug/net10.0/certbuild")), "the chain ran");
        Assert.True(File.Exists(_dir.File("bin/Debug/net10.0/Lib.dll")));
    }

    [Fact]
    public void A_syntax_error_fails_before_compile_with_a_canonical_line()
    {
        var lines = SampleInputs.ToText(SampleInputs.Topology()).Split('\n').ToList();
        lines.Insert(2, "\"broken\": ,");
        WriteSdkProject(string.Join('\n', lines));
        var (code, output) = DotNetCli.Run(_dir.Path, "build", "-nologo");
        Assert.NotEqual(0, code);
        Assert.Matches(@"topology\.json\(3,\d+\): error CBT1003: ", output);
        Assert.DoesNotContain("MSB4018", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("bin/Debug/net10.0/Smoke.dll")), "compile ran although validation failed");
    }

    [Fact]
    public void A_NoTargets_project_reports_the_bundle_as_its_output_compiles_nothing_and_publish_carries_the_bundle()
    {
        // The quick start's shape: Microsoft.Build.NoTargets, no code, the bundle is what the build makes.
        _dir.Write("topology.json", SampleInputs.ToText(SampleInputs.Topology()));
        _dir.Write("certificate-policy.json", SampleInputs.ToText(SampleInputs.Policy()));
        WriteSdkProject("Contoso", """<ItemGroup><CertTopology Include="topology.json" /><CertPolicy Include="certificate-policy.json" /></ItemGroup>""", "Microsoft.Build.NoTargets/3.7.0");

        var (code, output) = DotNetCli.Run(_dir.Path, "build", "-nologo", "-tl:off");
        Assert.True(code == 0, output);
        // The terminal logger shows the last "<project> -> <path>" line as the project's output.
        var outputs = output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("Contoso -> ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(outputs);
        Assert.Equal(Path.GetFullPath(_dir.File("bin/Debug/net10.0/certbundle/")), outputs[^1]["Contoso -> ".Length..]);
        Assert.Empty(Directory.GetFiles(_dir.File("bin"), "*.dll", SearchOption.AllDirectories));

        var (published, publishOutput) = DotNetCli.Run(_dir.Path, "publish", "-nologo", "-tl:off", "-o", "out");
        Assert.True(published == 0, publishOutput);
        Assert.True(File.Exists(_dir.File("out/certbundle/manifest.json")), publishOutput);
        Assert.True(File.Exists(_dir.File("out/certbundle/global/runbook.md")));
        Assert.Equal(File.ReadAllBytes(_dir.File("bin/Debug/net10.0/Contoso-certificates.zip")), File.ReadAllBytes(_dir.File("out/Contoso-certificates.zip")));

        // Publishing what a build made, without building again, carries it too.
        var (again, againOutput) = DotNetCli.Run(_dir.Path, "publish", "-nologo", "-tl:off", "--no-build", "-o", "out2");
        Assert.True(again == 0, againOutput);
        Assert.True(File.Exists(_dir.File("out2/certbundle/manifest.json")), againOutput);
    }

    [Fact]
    public void Warnaserror_on_a_build_with_nothing_changed_fails_on_the_warning_of_the_skipped_stage()
    {
        WriteSdkProject(SampleInputs.ToText(SampleInputs.TopologyWithWarning())); // CBT1116, a warning
        var (code, output) = DotNetCli.Run(_dir.Path, "build", "-nologo", "-tl:off");
        Assert.True(code == 0, output);

        var (strict, strictOutput) = DotNetCli.Run(_dir.Path, "build", "-nologo", "-tl:off", "--no-restore", "-warnaserror", "-v:n");
        Assert.NotEqual(0, strict);
        Assert.Contains("Skipping target \"CertValidate\" because all output files are up-to-date", strictOutput, StringComparison.Ordinal);
        Assert.Contains("error CBT1116", strictOutput, StringComparison.Ordinal);
    }
}
