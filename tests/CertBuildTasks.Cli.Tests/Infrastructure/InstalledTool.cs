using System.Text.RegularExpressions;

namespace CertBuildTasks.Cli.Tests.Infrastructure;

/// <summary>
/// certbuild as a user gets it: the tool project (built by this test project) packed into a folder
/// feed and installed with `dotnet tool install --tool-path` from that feed only, into a private
/// package folder, once for the test run.
/// </summary>
public sealed partial class InstalledTool : IDisposable
{
    private readonly TempDirectory _dir = new();

    public InstalledTool()
    {
        var feed = _dir.File("feed");
        Package = LocalFeed.Pack(feed, project: Path.Combine(RepoPaths.Root, "src", "CertBuildTasks.Cli", "CertBuildTasks.Cli.csproj"));
        Version = PackageVersion().Match(Path.GetFileName(Package)).Groups["version"].Value;

        // The feed alone, and a package folder of its own: a package of the same version packed earlier
        // from other sources must never be what is installed.
        LocalFeed.Configure(_dir.Path, feed, _dir.File("packages"), feedOnly: true);
        var config = _dir.File("nuget.config");
        ToolPath = _dir.File("tools");
        var (installed, installOutput) = DotNetCli.Run(_dir.Path, "tool", "install", "CertBuildTasks.Cli", "--version", Version, "--tool-path", ToolPath, "--configfile", config);
        Assert.True(installed == 0, installOutput);
        Command = Path.Combine(ToolPath, OperatingSystem.IsWindows() ? "certbuild.exe" : "certbuild");
        Assert.True(File.Exists(Command), "the package installs no certbuild command: " + installOutput);
    }

    public string Package { get; }

    public string Version { get; }

    public string ToolPath { get; }

    /// <summary>The certbuild command the install put on the tool path.</summary>
    public string Command { get; }

    /// <summary>Runs the installed certbuild with stdout and stderr redirected (as in a CI job), each kept apart, without the host's SOURCE_DATE_EPOCH.</summary>
    public (int ExitCode, string Out, string Error) Run(string workingDirectory, params string[] arguments) =>
        ProcessRunner.RunApart(Command, workingDirectory, arguments, start => start.Environment.Remove("SOURCE_DATE_EPOCH"));

    public void Dispose() => _dir.Dispose();

    [GeneratedRegex(@"^CertBuildTasks\.Cli\.(?<version>\d+\.\d+\.\d+.*)\.nupkg$")]
    private static partial Regex PackageVersion();
}

[CollectionDefinition(Name)]
public sealed class InstalledToolGroup : ICollectionFixture<InstalledTool>
{
    /// <summary>The tests that run the installed tool, or `dotnet build`, one at a time (two builds at once would fight over the machine).</summary>
    public const string Name = "Installed certbuild";
}
