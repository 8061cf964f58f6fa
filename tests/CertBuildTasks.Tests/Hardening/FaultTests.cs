using CertBuildTasks.Bench;
using CertBuildTasks.Bundle;
using CertBuildTasks.Generation;
using CertBuildTasks.IO;
using CertBuildTasks.Tests.Infrastructure;
using Microsoft.Build.Execution;
using Xunit.Abstractions;

namespace CertBuildTasks.Tests.Hardening;

/// <summary>
/// What the user sees when the output cannot be written — a read-only folder, a full disk, a stream
/// that fails half-way, a build cancelled while it bundles, two builds of one project at once — and
/// that the bundle published by the last good build survives each, byte for byte.
/// </summary>
[Trait("Lane", "Build")]
[Collection(MSBuildTestGroup.Name)]
public sealed class FaultTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Project(string folder, string? topologyText = null)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "topology.json"), topologyText ?? SampleInputs.ToText(SampleInputs.Topology()));
        File.WriteAllText(Path.Combine(folder, "policy.json"), SampleInputs.ToText(SampleInputs.Policy()));
        File.WriteAllText(Path.Combine(folder, ".editorconfig"), "root = true\n");
        return InProcessBuild.WriteProject(folder, "<ItemGroup><CertTopology Include=\"topology.json\" /><CertPolicy Include=\"policy.json\" /></ItemGroup>");
    }

    /// <summary>The sample with another dial-in URL: every stage must run again and publish.</summary>
    private static string ChangedTopology()
    {
        var topology = SampleInputs.Topology();
        topology["simpleUrls"]!["dialin"] = "https://dialin2.contoso.com";
        return SampleInputs.ToText(topology);
    }

    [Fact]
    public void A_read_only_output_folder_fails_with_CBT4007_naming_it_and_the_previous_bundle_survives()
    {
        var folder = _dir.File("readonly");
        var project = Project(folder);
        Assert.True(InProcessBuild.Run(project).Succeeded);
        var bin = Path.Combine(folder, "bin");
        var before = BundleAssert.Snapshot(bin);

        File.WriteAllText(Path.Combine(folder, "topology.json"), ChangedTopology());
        BuildRecord failed;
        using (var readOnly = FileSystemFaults.MakeReadOnly(bin))
        {
            Assert.True(readOnly is not null, "this machine offers no way to make a folder read-only (chmod as a user; chattr +i or a read-only bind mount as root)");
            failed = InProcessBuild.Run(project);
        }

        output.WriteLine(failed.Describe());
        Assert.False(failed.Succeeded);
        var error = Assert.Single(failed.Errors);
        Assert.Equal("CBT4007", error.Code);
        Assert.Contains("CreateCertificateBundle could not write 'bin/", error.Message, StringComparison.Ordinal);
        Assert.Contains("The bundle published before is unchanged", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, BundleAssert.Snapshot(bin));
        BundleAssert.NoLeftovers(bin);

        // Writable again: the next build publishes (the failed stage was not stamped as done).
        var next = InProcessBuild.Run(project);
        Assert.True(next.Succeeded, next.Describe());
        Assert.NotEqual(before, BundleAssert.Snapshot(bin));
    }

    [Fact]
    public void A_full_disk_fails_with_CBT4007_and_the_previous_bundle_survives()
    {
        // How much one bundle takes, measured on an ordinary folder first.
        var probe = Project(_dir.File("probe"));
        Assert.True(InProcessBuild.Run(probe).Succeeded);
        var bundleBytes = FileSystemFaults.PagesOf(_dir.File("probe/bin"));

        var folder = _dir.File("full");
        var project = Project(folder);
        var bin = Path.Combine(folder, "bin");
        using var tiny = FileSystemFaults.MountTiny(bin, bundleBytes * 3 / 2); // room for one bundle, not for a second beside it
        if (tiny is null)
        {
            // Not root: no file system can be mounted. The same fault comes from a failing stream below
            // (A_stream_that_fails_half_way…); here the publisher is driven through it directly.
            output.WriteLine("not root: tmpfs cannot be mounted; the full disk is simulated by a failing stream");
            var files = BundlePublisher.ReadFolder(_dir.File("probe/bin/certbundle"));
            BundlePublisher.Publish(Path.Combine(bin, "certbundle"), Path.Combine(bin, "test-certificates.zip"), files);
            var previous = BundleAssert.Snapshot(bin);
            var ex = Assert.Throws<OutputWriteException>(() => BundlePublisher.Publish(Path.Combine(bin, "certbundle"), Path.Combine(bin, "test-certificates.zip"), files, FailingAfter(100_000, full: true), CancellationToken.None));
            Assert.Contains("No space left", ex.Message, StringComparison.Ordinal);
            Assert.Equal(previous, BundleAssert.Snapshot(bin));
            return;
        }

        Assert.True(InProcessBuild.Run(project).Succeeded, "one bundle did not fit");
        var before = BundleAssert.Snapshot(bin);
        File.WriteAllText(Path.Combine(folder, "topology.json"), ChangedTopology());
        var failed = InProcessBuild.Run(project);
        output.WriteLine(failed.Describe());
        Assert.False(failed.Succeeded);
        var error = Assert.Single(failed.Errors);
        Assert.Equal("CBT4007", error.Code);
        Assert.Contains("No space left on device", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, BundleAssert.Snapshot(bin));
        BundleAssert.NoLeftovers(bin);
    }

    [Fact]
    public void A_zip_that_cannot_be_replaced_fails_with_CBT4007_and_the_folder_stays_with_its_zip()
    {
        var folder = _dir.File("heldzip");
        var project = Project(folder);
        Assert.True(InProcessBuild.Run(project).Succeeded);
        var bin = Path.Combine(folder, "bin");
        var zip = Assert.Single(Directory.GetFiles(bin, "*.zip"));
        var before = BundleAssert.Snapshot(bin);

        File.WriteAllText(Path.Combine(folder, "topology.json"), ChangedTopology());
        using (var held = FileSystemFaults.MakeUnreplaceable(zip))
        {
            if (held is null)
            {
                // Not root: nothing makes a file unreplaceable here. The publisher meets the same failure
                // at the same rename through its move seam.
                output.WriteLine("not root: the zip cannot be made immutable; the failing rename is simulated");
                var ex = Assert.Throws<OutputWriteException>(() => BundlePublisher.Publish(Path.Combine(bin, "certbundle"), zip, Files("2"),
                    CreateNew, FailingMove(3), CancellationToken.None));
                Assert.Equal(zip, ex.Path);
                Assert.Equal(before, BundleAssert.Snapshot(bin));
                return;
            }

            var failed = InProcessBuild.Run(project);
            output.WriteLine(failed.Describe());
            Assert.False(failed.Succeeded);
            var error = Assert.Single(failed.Errors);
            Assert.Equal("CBT4007", error.Code);
            Assert.Contains("could not write 'bin/" + Path.GetFileName(zip) + "'", error.Message, StringComparison.Ordinal);
            Assert.Equal(before, BundleAssert.Snapshot(bin)); // the new folder was swapped in, then back out
            BundleAssert.NoLeftovers(bin);
        }

        var next = InProcessBuild.Run(project);
        Assert.True(next.Succeeded, next.Describe());
        BundleAssert.Complete(Path.Combine(bin, "certbundle"), zip);
        Assert.NotEqual(before, BundleAssert.Snapshot(bin));
    }

    private static FileStream CreateNew(string path) => new(path, FileMode.CreateNew, FileAccess.Write);

    /// <summary>The file system's renames, except that the <paramref name="failing"/>th (1-based, and any listed after it) throws.</summary>
    private static BundleMoves FailingMove(params int[] failing)
    {
        var count = 0;
        void Step(string what)
        {
            if (failing.Contains(Interlocked.Increment(ref count)))
            {
                throw new IOException($"The process cannot access the file '{what}' because it is being used by another process.");
            }
        }

        return new BundleMoves(
            (from, to) => { Step(from); Directory.Move(from, to); },
            (from, to) => { Step(to); File.Move(from, to, overwrite: true); });
    }

    [Theory]
    [InlineData(1, "certbundle")] // the previous folder cannot be moved aside
    [InlineData(2, "certbundle")] // the new folder cannot be moved in: the previous one goes back
    [InlineData(3, "x.zip")]      // the zip cannot be replaced: the new folder goes back out, the previous one in
    public void A_swap_that_fails_at_any_rename_leaves_the_previous_folder_and_zip_together(int failingMove, string named)
    {
        var bundle = _dir.File("out/certbundle");
        var zip = _dir.File("out/x.zip");
        BundlePublisher.Publish(bundle, zip, Files("1"));
        var before = BundleAssert.Snapshot(_dir.File("out"));
        var ex = Assert.Throws<OutputWriteException>(() => BundlePublisher.Publish(bundle, zip, Files("2"), CreateNew, FailingMove(failingMove), CancellationToken.None));
        Assert.Equal(named, Path.GetFileName(ex.Path));
        Assert.Contains("being used by another process", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, BundleAssert.Snapshot(_dir.File("out")));
        Assert.Equal(["certbundle", "x.zip"], Directory.GetFileSystemEntries(_dir.File("out")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_first_publish_whose_zip_cannot_be_written_leaves_no_folder_behind()
    {
        var bundle = _dir.File("out/certbundle");
        var ex = Assert.Throws<OutputWriteException>(() => BundlePublisher.Publish(bundle, _dir.File("out/x.zip"), Files("1"), CreateNew, FailingMove(2), CancellationToken.None));
        Assert.Equal("x.zip", Path.GetFileName(ex.Path));
        Assert.Empty(Directory.GetFileSystemEntries(_dir.File("out")));
    }

    [Fact]
    public void When_putting_the_previous_folder_back_fails_too_it_is_kept_aside_and_named()
    {
        var bundle = _dir.File("out/certbundle");
        var zip = _dir.File("out/x.zip");
        BundlePublisher.Publish(bundle, zip, Files("1"));
        var previous = BundleAssert.Snapshot(bundle);

        // Move 2 (new folder in) fails, and so does move 3 (the previous folder back in).
        var ex = Assert.Throws<OutputWriteException>(() => BundlePublisher.Publish(bundle, zip, Files("2"), CreateNew, FailingMove(2, 3), CancellationToken.None));
        output.WriteLine(ex.Message);
        var kept = Assert.Single(Directory.GetDirectories(_dir.File("out"), "certbundle.old-*"));
        Assert.Contains("it is kept in '" + kept + "'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(previous, BundleAssert.Snapshot(kept));
        Assert.False(Directory.Exists(bundle));
        Assert.Empty(Directory.GetDirectories(_dir.File("out"), "certbundle.new-*"));
    }

    /// <summary>Opens real files, but the stream fails once <paramref name="budget"/> bytes were written in all.</summary>
    private static BundlePublisher.FileOpener FailingAfter(long budget, bool full)
    {
        long written = 0;
        return path => new FailingStream(new FileStream(path, FileMode.CreateNew, FileAccess.Write), count =>
        {
            if (Interlocked.Add(ref written, count) > budget)
            {
                throw full ? new IOException("No space left on device : '" + path + "'") : new UnauthorizedAccessException("Access to the path '" + path + "' is denied.");
            }
        });
    }

    private sealed class FailingStream(Stream inner, Action<int> beforeWrite) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            beforeWrite(count);
            inner.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            beforeWrite(buffer.Length);
            inner.Write(buffer);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private static List<GeneratedFile> Files(string version, int count = 40) =>
        [.. Enumerable.Range(0, count).Select(i => GeneratedFile.Text($"servers/s{i}.contoso.com/runbook.md", version + new string('x', 5000)))];

    [Theory]
    [InlineData(0, true)]        // the disk is full from the first byte
    [InlineData(60_000, true)]   // ... half-way through the folder
    [InlineData(200_050, true)]  // ... at the zip, after the whole folder
    [InlineData(0, false)]       // access denied at the first file
    [InlineData(120_000, false)] // ... half-way
    public void A_stream_that_fails_half_way_leaves_the_previous_bundle_and_names_the_file(long budget, bool full)
    {
        var bundle = _dir.File("out/certbundle");
        var zip = _dir.File("out/x.zip");
        BundlePublisher.Publish(bundle, zip, Files("1"));
        var before = BundleAssert.Snapshot(_dir.File("out"));
        var ex = Assert.Throws<OutputWriteException>(() => BundlePublisher.Publish(bundle, zip, Files("2"), FailingAfter(budget, full), CancellationToken.None));
        output.WriteLine($"{ex.Path}: {ex.Message}");
        Assert.Contains(full ? "No space left on device" : "is denied", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith(_dir.File("out"), ex.Path, StringComparison.Ordinal);
        Assert.Equal(before, BundleAssert.Snapshot(_dir.File("out")));
        Assert.Equal(["certbundle", "x.zip"], Directory.GetFileSystemEntries(_dir.File("out")).Select(Path.GetFileName).Order());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(40)] // after the last folder file, before the zip
    public void Cancelling_in_the_middle_of_publishing_keeps_the_previous_bundle(int cancelAtFile)
    {
        var bundle = _dir.File("out/certbundle");
        var zip = _dir.File("out/x.zip");
        BundlePublisher.Publish(bundle, zip, Files("1"));
        var before = BundleAssert.Snapshot(_dir.File("out"));
        using var cancellation = new CancellationTokenSource();
        var opened = 0;
        BundlePublisher.FileOpener open = path =>
        {
            if (++opened == cancelAtFile)
            {
                cancellation.Cancel();
            }

            return new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        };
        Assert.ThrowsAny<OperationCanceledException>(() => BundlePublisher.Publish(bundle, zip, Files("2"), open, cancellation.Token));
        Assert.Equal(before, BundleAssert.Snapshot(_dir.File("out")));
        Assert.Equal(["certbundle", "x.zip"], Directory.GetFileSystemEntries(_dir.File("out")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Cancelling_a_build_while_it_bundles_keeps_the_previous_bundle()
    {
        // 1,500 servers: about 6,000 bundle files, so the build is usually still publishing when it is
        // cancelled. A cancel that lands after the swap must leave the new bundle whole and not claim
        // otherwise; the race is tried a few times until one cancel lands before the swap.
        var folder = _dir.File("cancel");
        var project = Project(folder, SyntheticTopology.Json(1_500));
        Assert.True(InProcessBuild.Run(project).Succeeded);
        var bin = Path.Combine(folder, "bin");
        var cancelledBeforeSwap = 0;
        for (var attempt = 1; attempt <= 4 && cancelledBeforeSwap == 0; attempt++)
        {
            var before = BundleAssert.Snapshot(bin);
            var dialIn = $"https://dialin{attempt + 1}.contoso.com";
            File.WriteAllText(Path.Combine(folder, "topology.json"), SyntheticTopology.Json(1_500).Replace("https://dialin.contoso.com", dialIn, StringComparison.Ordinal));
            var build = Task.Run(() => InProcessBuild.Run(project));
            var staging = false;
            while (!build.IsCompleted && !(staging = Directory.EnumerateDirectories(bin).Any(d => d.Contains(".new-", StringComparison.Ordinal))))
            {
                await Task.Delay(5);
            }

            Assert.True(staging, "the build finished before it could be cancelled while publishing");
            BuildManager.DefaultBuildManager.CancelAllSubmissions();
            var record = await build;
            Assert.DoesNotContain(record.Errors, e => e.Code is "MSB4018" or "CBT9000");
            BundleAssert.NoLeftovers(bin);
            if (record.Messages.Any(m => m.Message?.Contains("CreateCertificateBundle was cancelled", StringComparison.Ordinal) == true))
            {
                Assert.False(record.Succeeded);
                Assert.Equal(before, BundleAssert.Snapshot(bin));
                cancelledBeforeSwap++;
            }
            else
            {
                // Cancelled after the swap: the new bundle, whole, folder and zip alike.
                output.WriteLine($"attempt {attempt}: the cancel arrived after the swap");
                BundleAssert.Complete(Path.Combine(bin, "certbundle"), Path.Combine(bin, "test-certificates.zip"));
                Assert.Contains(dialIn.Replace("https://", string.Empty, StringComparison.Ordinal), File.ReadAllText(Path.Combine(bin, "certbundle", "plan.json")), StringComparison.Ordinal);
            }
        }

        Assert.Equal(1, cancelledBeforeSwap);
    }

    [Fact]
    public async Task Two_builds_of_one_project_at_once_leave_one_complete_bundle_and_report_clearly()
    {
        var project = _dir.File("twice");
        Directory.CreateDirectory(project);
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Samples, "Contoso")))
        {
            File.Copy(file, Path.Combine(project, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(project, "Directory.Build.props"), $"<Project><Import Project=\"{RepoPaths.PropsFile}\" /></Project>");
        File.WriteAllText(Path.Combine(project, "Directory.Build.targets"), $"<Project><PropertyGroup><CertBuildTasksAssemblyFile>{RepoPaths.TaskAssembly}</CertBuildTasksAssemblyFile></PropertyGroup><Import Project=\"{RepoPaths.TargetsFile}\" /></Project>");
        var (code, first) = DotNetCli.Run(project, "build", "-nologo");
        Assert.True(code == 0, first);

        File.WriteAllText(Path.Combine(project, "topology.json"), File.ReadAllText(Path.Combine(project, "topology.json")).Replace("https://dialin.contoso.com", "https://dialin2.contoso.com", StringComparison.Ordinal));
        var builds = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => DotNetCli.Run(project, "build", "-nologo", "--no-restore"))));
        foreach (var (exitCode, text) in builds)
        {
            output.WriteLine($"exit {exitCode}:\n{text}");
            Assert.DoesNotContain("MSB4018", text, StringComparison.Ordinal);
            Assert.DoesNotContain("CBT9000", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", text, StringComparison.Ordinal);
            if (exitCode != 0)
            {
                Assert.Matches(@"error (CBT\d{4}|MSB\d{4}|CS\d{4}):", text); // a coded, readable error
            }
        }

        Assert.Contains(builds, b => b.ExitCode == 0);
        var bin = Path.Combine(project, "bin", "Debug", "net8.0");
        BundleAssert.NoLeftovers(bin);
        var folder = Path.Combine(bin, "certbundle");
        BundleAssert.Complete(folder, Path.Combine(bin, "Contoso-certificates.zip"));
        Assert.Contains("dialin2.contoso.com", File.ReadAllText(Path.Combine(folder, "plan.json")), StringComparison.Ordinal);
    }
}
