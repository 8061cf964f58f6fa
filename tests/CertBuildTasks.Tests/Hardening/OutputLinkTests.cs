using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Hardening;

/// <summary>
/// The folder the build owns, obj/…/certbuild/, is never written through a link: a link planted
/// there (by a hostile checkout or a mistaken script) would carry the generated scripts anywhere. The
/// build fails with CBT4007 naming the link, and nothing lands where it points.
/// </summary>
[Trait("Lane", "Build")]
[Collection(MSBuildTestGroup.Name)]
public sealed class OutputLinkTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_state_folder_that_is_a_link_fails_with_CBT4007_and_nothing_is_written_where_it_points()
    {
        var folder = _dir.File("project");
        var project = HardeningProject.Write(folder);
        var outside = Directory.CreateDirectory(_dir.File("outside")).FullName;
        var link = Path.Combine(folder, "obj", "certbuild");
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        Directory.CreateSymbolicLink(link, outside);

        var build = InProcessBuild.Run(project);
        Assert.False(build.Succeeded);
        var error = Assert.Single(build.Errors);
        Assert.Equal("CBT4007", error.Code);
        Assert.Contains("is a link to " + outside, error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
        Assert.False(Directory.Exists(Path.Combine(folder, "bin", "certbundle")), "a bundle was published");
    }
}
