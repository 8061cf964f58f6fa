using System.Text.Json;
using CertBuildTasks.Cli.Tests.Infrastructure;

namespace CertBuildTasks.Cli.Tests.Commands;

/// <summary>certbuild bundle: the bundle and its zip, published whole or not at all, and the report of a run that failed.</summary>
public sealed class BundleCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string[] Bundle(string sample, params string[] more) =>
        ["bundle", "--topology", Samples.Topology(sample), "--policy", Samples.Policy(sample), "--at", Samples.At, "--out", "out/certbundle", .. more];

    private Dictionary<string, byte[]> Files(string folder) =>
        Directory.GetFiles(_dir.File(folder), "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(_dir.File(folder), f), File.ReadAllBytes);

    [Fact]
    public void The_bundle_lists_every_file_in_its_manifest_and_a_second_run_writes_the_same_bytes()
    {
        var first = Certbuild.Run(_dir.Path, Bundle("Contoso"));
        Assert.True(first.ExitCode == 0, first.ToString());
        var files = Files("out/certbundle");
        var zip = File.ReadAllBytes(_dir.File("out/Contoso-certificates.zip"));

        using (var manifest = JsonDocument.Parse(files["manifest.json"]))
        {
            var listed = manifest.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()!.Replace('/', Path.DirectorySeparatorChar)).ToHashSet();
            Assert.Equal(files.Keys.Where(k => k is not "manifest.json" and not "SHA256SUMS").ToHashSet(), listed);
        }

        Assert.Contains($"{files.Count} files in the bundle; 0 errors, 0 warnings", first.Lines[^1], StringComparison.Ordinal);
        var second = Certbuild.Run(_dir.Path, Bundle("Contoso"));
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(files, Files("out/certbundle"));
        Assert.Equal(zip, File.ReadAllBytes(_dir.File("out/Contoso-certificates.zip")));
    }

    [Fact]
    public void A_run_with_errors_leaves_the_previous_bundle_as_it_was_and_writes_the_failure_report_beside_it()
    {
        Assert.Equal(0, Certbuild.Run(_dir.Path, Bundle("Contoso")).ExitCode);
        var before = Files("out");

        // The Broken sample's inputs, named as the Contoso run was, into the same folder.
        var failed = Certbuild.Run(_dir.Path, [.. Bundle("Broken", "--failure-report", "out/failure.html"), "--name", "Contoso"]);

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("no bundle written (errors above); the previous bundle is unchanged", failed.Lines[^1], StringComparison.Ordinal);
        var after = Files("out");
        var report = after["failure.html"];
        after.Remove("failure.html");
        Assert.Equal(before, after);
        var html = System.Text.Encoding.UTF8.GetString(report);
        Assert.Contains("CBT2001", html, StringComparison.Ordinal);
        Assert.Contains("Contoso", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_report_inside_the_bundle_folder_is_refused_before_anything_runs()
    {
        var run = Certbuild.Run(_dir.Path, Bundle("Broken", "--failure-report", "out/certbundle/failure.html"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--failure-report is inside the bundle folder", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.File("out")));
    }

    [Fact]
    public void Without_a_project_the_run_is_named_after_the_topologys_folder_or_its_name_option()
    {
        Assert.Equal(0, Certbuild.Run(_dir.Path, Bundle("Contoso")).ExitCode);
        Assert.Equal(0, Certbuild.Run(_dir.Path, Bundle("Contoso", "--name", "contoso-prod", "--zip", "artifacts/prod.zip")).ExitCode);

        Assert.True(File.Exists(_dir.File("out/Contoso-certificates.zip")));
        Assert.True(File.Exists(_dir.File("artifacts/prod.zip")));
        Assert.Contains("contoso-prod", File.ReadAllText(_dir.File("out/certbundle/report.html")), StringComparison.Ordinal);
    }
}
