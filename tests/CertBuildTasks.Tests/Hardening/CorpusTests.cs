using System.Diagnostics;
using CertBuildTasks.Tests.Infrastructure;
using Microsoft.Build.Framework;

namespace CertBuildTasks.Tests.Hardening;

/// <summary>
/// Every entry of the bad-input corpus (tests/CertBuildTasks.Tests/corpus/&lt;kind&gt;/) goes through the
/// whole build and then through every task on its own, after a good build published a bundle. Each
/// must be reported as CBT diagnostics at the entry's file, never crash a task, never write outside
/// obj/ and the bundle, and never leave a partial bundle: a failed build keeps the previous bundle byte
/// for byte, a passing one publishes a complete, verifiable one. Entries named "ok-…" are hostile but
/// valid: they must build, and what they carry must come out escaped.
/// </summary>
[Trait("Lane", "Build")]
[Collection(MSBuildTestGroup.Name)]
public sealed class CorpusTests : IClassFixture<CorpusTests.Pki>
{
    private static readonly string CorpusRoot = Path.Combine(RepoPaths.Root, "tests", "CertBuildTasks.Tests", "corpus");
    private static readonly string EveryTaskTargets = Path.Combine(RepoPaths.Root, "tests", "CertBuildTasks.Tests", "Hardening", "EveryTask.targets");
    private static readonly string[] Tasks =
    [
        "ValidateCertificateInputs", "PlanCertificates", "ValidateIssuedCertificates", "CheckDeployedCertificates",
        "GenerateCertificateArtifacts", "CreateCertificateBundle", "ConvertCertificateTopology",
    ];

    private readonly Pki _pki;

    public CorpusTests(Pki pki) => _pki = pki;

    /// <summary>One throwaway PKI for the whole corpus: the trusted root and intermediate of issued entries.</summary>
    public sealed class Pki : IDisposable
    {
        public TestPki Value { get; } = new();

        public void Dispose() => Value.Dispose();
    }

    public static TheoryData<string> Entries()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(CorpusRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(CorpusRoot, file).Replace('\\', '/');
            if (relative.Contains('/', StringComparison.Ordinal) && !relative.EndsWith(".md", StringComparison.Ordinal))
            {
                data.Add(relative);
            }
        }

        return data;
    }

    [Fact]
    public void The_corpus_has_at_least_100_entries_of_every_kind()
    {
        var entries = Entries().Cast<object[]>().Select(e => (string)e[0]).ToList();
        Assert.True(entries.Count >= 100, $"{entries.Count} entries");
        foreach (var kind in new[] { "topology", "policy", "overrides", "issued", "roots", "deployed" })
        {
            Assert.Contains(entries, e => e.StartsWith(kind + "/", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Every_task_reports_the_entry_at_its_file_and_loses_nothing(string entry)
    {
        using var dir = new TempDirectory();
        var project = Path.Combine(dir.Path, "project");
        Directory.CreateDirectory(project);
        var kind = entry.Split('/')[0];
        var name = Path.GetFileName(entry);
        var accepted = name.StartsWith("ok-", StringComparison.Ordinal);

        // A good build first: the bundle a bad input must not damage.
        var projectFile = WriteProject(project, kind, inputPath: null);
        var good = InProcessBuild.Run(projectFile);
        Assert.True(good.Succeeded, "the good build failed: " + good.Describe());
        var bundleBefore = BundleAssert.Snapshot(Path.Combine(project, "bin"));

        var input = CorpusRecipes.Materialize(Path.Combine(CorpusRoot, entry), Path.Combine(project, "corpus-input"), _pki.Value);
        WriteProject(project, kind, input);
        var everythingBefore = BundleAssert.Snapshot(dir.Path);

        var watch = Stopwatch.StartNew();
        var build = InProcessBuild.Run(projectFile);
        var buildSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var everyTask = InProcessBuild.Run(projectFile, "CorpusEveryTask");
        var everyTaskSeconds = watch.Elapsed.TotalSeconds;

        // No task crashed, in the pipeline or on its own.
        foreach (var record in new[] { build, everyTask })
        {
            var codes = record.Errors.Select(e => e.Code).Concat(record.Warnings.Select(w => w.Code)).ToList();
            Assert.DoesNotContain("MSB4018", codes);
            Assert.DoesNotContain("CBT9000", codes);
            Assert.All(record.Errors.Where(e => e.Code?.StartsWith("CBT", StringComparison.Ordinal) == true), e => Assert.False(string.IsNullOrEmpty(e.File), e.Code + " without a file: " + e.Message));
        }

        Assert.All(Tasks, t => Assert.True(everyTask.Ran(t), t + " did not run"));
        Assert.True(buildSeconds < 30 && everyTaskSeconds < 30, $"took {buildSeconds:F0} s and {everyTaskSeconds:F0} s");

        // Reported where it is, or (ok-…) accepted.
        if (accepted)
        {
            Assert.True(build.Succeeded, "an accepted entry failed: " + build.Describe());
            Assert.DoesNotContain(build.Errors, e => e.Code?.StartsWith("CBT", StringComparison.Ordinal) == true);
        }
        else
        {
            Assert.True(AtEntry(build, input).Any(), "the build did not report the entry: " + build.Describe());
            Assert.True(AtEntry(everyTask, input).Any(), "the tasks did not report the entry: " + everyTask.Describe());
        }

        // Nothing written outside obj/ and the bundle (its folder and zip under bin/).
        var everythingAfter = BundleAssert.Snapshot(dir.Path);
        var written = everythingAfter.Where(f => !everythingBefore.TryGetValue(f.Key, out var before) || before != f.Value).Select(f => f.Key).ToList();
        Assert.All(written, path => Assert.True(
            path.StartsWith("project/obj/", StringComparison.Ordinal) || path.StartsWith("project/bin/certbundle/", StringComparison.Ordinal) || path == "project/bin/test-certificates.zip",
            "written outside obj/ and the bundle: " + path));

        // No partial bundle: the previous one intact after a failure, a complete one after a success.
        var bin = Path.Combine(project, "bin");
        BundleAssert.NoLeftovers(bin);
        // The one designed exception: errors of the check of certificates in service fail the build but
        // still publish, because the renewal scripts in the new bundle are what fixes them.
        var deployedErrorsOnly = build.Errors.Count > 0 && build.Errors.All(e => e.SenderName == "CheckDeployedCertificates");
        if (!build.Succeeded && !deployedErrorsOnly)
        {
            Assert.Equal(bundleBefore, BundleAssert.Snapshot(bin));
        }
        else
        {
            BundleAssert.Complete(Path.Combine(bin, "certbundle"), Path.Combine(bin, "test-certificates.zip"));
        }

        if (accepted)
        {
            AssertScriptsParse(Path.Combine(bin, "certbundle"));
        }
    }

    private static IEnumerable<object> AtEntry(BuildRecord record, string input) =>
        record.Errors.Cast<BuildEventArgs>().Concat(record.Warnings)
            .Where(e => e switch
            {
                BuildErrorEventArgs x => x.Code?.StartsWith("CBT", StringComparison.Ordinal) == true && SamePath(x.File, input),
                BuildWarningEventArgs x => x.Code?.StartsWith("CBT", StringComparison.Ordinal) == true && SamePath(x.File, input),
                _ => false,
            });

    private static bool SamePath(string? file, string input) =>
        file is not null && string.Equals(Path.GetFullPath(file), Path.GetFullPath(input), StringComparison.Ordinal);

    /// <summary>The Contoso sample with the entry in the place of its kind (or, without one, as it is).</summary>
    private string WriteProject(string project, string kind, string? inputPath)
    {
        File.WriteAllText(Path.Combine(project, "topology.json"), SampleInputs.ToText(SampleInputs.Topology()));
        File.WriteAllText(Path.Combine(project, "policy.json"), SampleInputs.ToText(SampleInputs.Policy()));
        File.WriteAllText(Path.Combine(project, ".editorconfig"), "root = true\n");
        var pki = _pki.Value;
        var rootFile = TestPki.Write(Path.Combine(project, "roots", "root.cer"), pki.Root);
        var intermediateFile = TestPki.Write(Path.Combine(project, "roots", "issuing.cer"), pki.Intermediate);
        var goodIssued = TestPki.Write(Path.Combine(project, "issued", "frontend-fe01.contoso.com.cer"), pki.Issue(CorpusRecipes.Planned("frontend-fe01.contoso.com")));
        string Item(string name, string path, string metadata = "") => $"<{name} Include=\"{System.Security.SecurityElement.Escape(path)}\" {metadata}/>";
        var topology = kind == "topology" && inputPath is not null ? inputPath : "topology.json";
        var policy = kind == "policy" && inputPath is not null ? inputPath : "policy.json";
        var items = new List<string> { Item("CertTopology", topology), Item("CertPolicy", policy) };
        if (inputPath is not null)
        {
            switch (kind)
            {
                case "overrides":
                    items.Add(Item("CertTopologyOverrides", inputPath));
                    break;
                case "issued":
                    items.Add(Item("IssuedCertificate", inputPath));
                    items.Add(Item("TrustedRootCertificate", rootFile));
                    items.Add(Item("TrustedRootCertificate", intermediateFile, "Role=\"Intermediate\""));
                    break;
                case "roots":
                    items.Add(Item("IssuedCertificate", goodIssued));
                    items.Add(Item("TrustedRootCertificate", inputPath));
                    break;
                case "deployed":
                    items.Add(Item("DeployedCertificate", inputPath, "Server=\"fe01.contoso.com\" Use=\"Default\""));
                    break;
            }
        }

        var body = "<ItemGroup>" + string.Concat(items) + "</ItemGroup>";
        var path = InProcessBuild.WriteProject(project, body, afterTargets: $"<Import Project=\"{EveryTaskTargets}\" />");
        return path;
    }

    /// <summary>What an accepted hostile value reached must still be a valid script (the real parser).</summary>
    private static void AssertScriptsParse(string folder)
    {
        foreach (var script in Directory.EnumerateFiles(folder, "*.ps1", SearchOption.AllDirectories))
        {
            PowerShellSyntax.Parse(script, out var errors);
            Assert.True(errors.Length == 0, $"{Path.GetFileName(script)}: {string.Join("; ", errors.Select(e => e.Message))}");
        }
    }
}
