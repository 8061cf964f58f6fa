using CertBuildTasks.IO;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Hardening;

/// <summary>
/// Every input file goes through one bounded reader (IO/InputFile): a named pipe is never opened (it
/// would block the build for ever), a device such as /dev/zero is never read (it never ends), a folder
/// is said to be one, and no more than the limit is read whatever the file claims. The corpus sends
/// pipes and /dev/zero through every input item; these are the severity configuration files and the
/// reader itself. Each build runs on a watched thread, so a regression fails instead of hanging the run.
/// </summary>
[Trait("Lane", "Build")]
[Collection(MSBuildTestGroup.Name)]
public sealed class NonRegularInputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static BuildRecord Watched(string project)
    {
        var build = Task.Run(() => InProcessBuild.Run(project));
        Assert.True(build.Wait(TimeSpan.FromMinutes(2)), "the build did not finish: an input was opened that never ends");
        return build.Result;
    }

    private static void MakeFifo(string path) => Assert.Equal(0, ProcessRunner.Run("mkfifo", Path.GetDirectoryName(path)!, [path]).ExitCode);

    [Theory]
    [InlineData(".editorconfig", "fifo")]
    [InlineData(".editorconfig", "dev-zero")]
    [InlineData(".globalconfig", "fifo")]
    [InlineData(".globalconfig", "dev-zero")]
    public void A_severity_configuration_file_that_is_a_pipe_or_a_device_configures_nothing_and_the_build_goes_on(string name, string kind)
    {
        var folder = _dir.File("config");
        var project = HardeningProject.Write(folder);
        var config = Path.Combine(folder, name);
        File.Delete(config);
        if (kind == "fifo")
        {
            MakeFifo(config);
        }
        else
        {
            File.CreateSymbolicLink(config, "/dev/zero");
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var build = Watched(project);
        Assert.True(build.Succeeded, build.Describe());
        Assert.DoesNotContain(build.ErrorCodes, c => c is "CBT9000" or "MSB4018");
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - allocated < 512L * 1024 * 1024, "the device was read");
    }

    [Fact]
    public void A_severity_configuration_file_beyond_1_MiB_is_CBT1006_at_it_and_not_read()
    {
        var folder = _dir.File("large");
        var project = HardeningProject.Write(folder);
        var config = Path.Combine(folder, ".globalconfig");
        File.WriteAllText(config, "is_global = true\ndotnet_diagnostic.CBT1108.severity = none\n" + new string('#', 2 * 1024 * 1024));
        var topology = SampleInputs.Topology();
        topology["simpleUrls"]!["dialin"] = "http://dialin.contoso.com"; // CBT1108, which the file would turn off
        File.WriteAllText(Path.Combine(folder, "topology.json"), SampleInputs.ToText(topology));

        var build = Watched(project);
        var unreadable = Assert.Single(build.Errors, e => e.Code == "CBT1006");
        Assert.Equal(config, unreadable.File);
        Assert.Contains("the limit is 1,048,576", unreadable.Message, StringComparison.Ordinal);
        Assert.Contains(build.Errors, e => e.Code == "CBT1108");
    }

    [Fact]
    public void A_folder_given_as_the_topology_is_said_to_be_a_folder()
    {
        var folder = _dir.File("folder");
        var project = HardeningProject.Write(folder);
        File.Delete(Path.Combine(folder, "topology.json"));
        Directory.CreateDirectory(Path.Combine(folder, "topology.json"));
        var build = Watched(project);
        var error = Assert.Single(build.Errors);
        Assert.Equal("CBT1006", error.Code);
        Assert.Contains("it is a folder, not a file", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reader_refuses_pipes_devices_folders_and_oversize_files_without_opening_them()
    {
        var fifo = _dir.File("pipe");
        MakeFifo(fifo);
        var zero = _dir.File("zero");
        File.CreateSymbolicLink(zero, "/dev/zero");
        var large = _dir.Write("large", new string('x', 2000));
        var good = _dir.Write("good", "{}");

        Assert.Null(InputFile.ReadBytes(fifo, 1000, out var problem));
        Assert.Contains("not a regular file", problem, StringComparison.Ordinal);
        Assert.Null(InputFile.ReadBytes(zero, 1000, out problem));
        Assert.Contains("not a regular file", problem, StringComparison.Ordinal);
        Assert.Null(InputFile.ReadBytes(_dir.Path, 1000, out problem));
        Assert.Equal("it is a folder, not a file", problem);
        Assert.Null(InputFile.ReadBytes(large, 1000, out problem));
        Assert.Equal("it is 2,000 bytes; the limit is 1,000", problem);
        Assert.Null(InputFile.ReadBytes(_dir.File("missing"), 1000, out problem));
        Assert.Equal("it does not exist", problem);
        Assert.Equal("{}"u8.ToArray(), InputFile.ReadBytes(good, 1000, out problem));
        Assert.Null(problem);
    }
}
