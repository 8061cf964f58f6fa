using CertBuildTasks.Bundle;
using CertBuildTasks.Generation;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Bundle;

public sealed class BundlePublisherTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<GeneratedFile> Files(string version) =>
        [GeneratedFile.Text("plan.json", "{ \"v\": \"" + version + "\" }\n"), GeneratedFile.Text("servers/a.example.com/runbook.md", version)];

    [Fact]
    public void Publishing_replaces_the_folder_and_the_zip_and_leaves_nothing_behind()
    {
        var bundle = _dir.File("out/certbundle/");
        var zip = _dir.File("out/x.zip");
        BundlePublisher.Publish(bundle, zip, Files("1"));
        File.WriteAllText(Path.Combine(bundle, "stale.txt"), "from an older build");
        BundlePublisher.Publish(bundle, zip, Files("2"));
        Assert.Equal("2", File.ReadAllText(Path.Combine(bundle, "servers/a.example.com/runbook.md")));
        Assert.False(File.Exists(Path.Combine(bundle, "stale.txt")));
        Assert.Equal(["certbundle", "x.zip"], Directory.GetFileSystemEntries(_dir.File("out")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_cancelled_publish_keeps_the_previous_bundle_exactly()
    {
        var bundle = _dir.File("out/certbundle/");
        var zip = _dir.File("out/x.zip");
        BundlePublisher.Publish(bundle, zip, Files("1"));
        var before = File.ReadAllBytes(zip);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => BundlePublisher.Publish(bundle, zip, Files("2"), cancellation.Token));
        Assert.Equal(before, File.ReadAllBytes(zip));
        Assert.Equal("1", File.ReadAllText(Path.Combine(bundle, "servers/a.example.com/runbook.md")));
        Assert.Equal(["certbundle", "x.zip"], Directory.GetFileSystemEntries(_dir.File("out")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_path_that_leaves_the_bundle_is_refused_before_the_swap()
    {
        var bundle = _dir.File("out/certbundle/");
        BundlePublisher.Publish(bundle, _dir.File("out/x.zip"), Files("1"));
        Assert.Throws<InvalidOperationException>(() => BundlePublisher.Publish(bundle, _dir.File("out/x.zip"), [GeneratedFile.Text("../escape.txt", "x")]));
        Assert.False(File.Exists(_dir.File("out/escape.txt")));
        Assert.True(File.Exists(Path.Combine(bundle, "plan.json")));
    }

    [Fact]
    public void The_same_files_give_the_same_zip_bytes()
    {
        Assert.Equal(DeterministicZip.Create(Files("1")), DeterministicZip.Create(Enumerable.Reverse(Files("1"))));
        Assert.NotEqual(DeterministicZip.Create(Files("1")), DeterministicZip.Create(Files("2")));
    }
}
