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
    public void A_cancelled_run_exits_2_and_writes_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var run = Certbuild.Run(_dir.Path, Bundle("Contoso", "--sarif", "certbuild.sarif"), cancellation: cancelled.Token);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("certbuild bundle: cancelled; no output was written", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir.Path));
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
        var title = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(_dir.File("out/certbundle/report.html")), "<title>(.*?)</title>").Groups[1].Value;
        Assert.Contains("contoso-prod", title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bundle_folder_that_holds_the_inputs_or_the_current_folder_is_refused_and_left_alone()
    {
        var topology = _dir.Write("deploy/topology.json", File.ReadAllText(Samples.Topology("Contoso")));

        var overInputs = Certbuild.Run(_dir.Path, "bundle", "--topology", topology, "--out", "deploy");
        var overHere = Certbuild.Run(_dir.File("deploy"), "bundle", "--topology", topology, "--out", ".");

        Assert.True(overInputs.ExitCode == 2, overInputs.ToString());
        Assert.Contains($"--out: '{_dir.File("deploy")}' would overwrite '{topology}', which this run reads", overInputs.Error, StringComparison.Ordinal);
        Assert.True(overHere.ExitCode == 2, overHere.ToString());
        Assert.Contains("would overwrite the current folder", overHere.Error, StringComparison.Ordinal);
        Assert.Equal([topology], Directory.GetFiles(_dir.File("deploy")));
    }

    [Fact]
    public void A_folder_with_files_and_no_bundle_in_it_is_never_replaced()
    {
        var notes = _dir.Write("out/certbundle/notes.txt", "the admin's notes");

        var run = Certbuild.Run(_dir.Path, Bundle("Contoso"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("is a folder with files and no bundle in it", run.Error, StringComparison.Ordinal);
        Assert.Equal("the admin's notes", File.ReadAllText(notes));
    }

    [Fact]
    public void An_output_named_like_an_input_is_refused_before_anything_runs()
    {
        var policy = _dir.Write("certificate-policy.json", File.ReadAllText(Samples.Policy("Contoso")));

        var run = Certbuild.Run(_dir.Path, "validate", "--topology", Samples.Topology("Contoso"), "--policy", policy, "--sarif", "certificate-policy.json");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"--sarif: '{policy}' would overwrite '{policy}'", run.Error, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Samples.Policy("Contoso")), File.ReadAllText(policy));
    }

    [Fact]
    public void A_zip_that_cannot_be_written_is_CBT4007_exit_2_with_the_failure_report_and_a_good_run_removes_that_report()
    {
        _dir.Write("a-file", "not a folder");

        var failed = Certbuild.Run(_dir.Path, Bundle("Contoso", "--zip", "a-file/Contoso.zip", "--failure-report", "failure.html"));

        Assert.True(failed.ExitCode == 2, failed.ToString());
        Assert.Contains(failed.Lines, l => l.StartsWith("certbuild : error CBT4007: certbuild bundle could not write ", StringComparison.Ordinal));
        Assert.False(Directory.Exists(_dir.File("out/certbundle")));
        Assert.Contains("CBT4007", File.ReadAllText(_dir.File("failure.html")), StringComparison.Ordinal);

        var good = Certbuild.Run(_dir.Path, Bundle("Contoso", "--failure-report", "failure.html"));
        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.False(File.Exists(_dir.File("failure.html")));
    }
}
