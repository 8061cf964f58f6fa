namespace CertBuildTasks.Tests.Infrastructure;

/// <summary>A package as a consumer gets it: packed from the built project into a folder feed, restored into a private package folder.</summary>
public static class LocalFeed
{
    /// <summary>
    /// Packs CertBuildTasks, or <paramref name="project"/> (either already built by the test project),
    /// into an empty <paramref name="feed"/>, as <paramref name="version"/> or, without one, as the
    /// version git gives; returns the .nupkg.
    /// </summary>
    public static string Pack(string feed, string? version = null, string? project = null)
    {
        project ??= Path.Combine(RepoPaths.Root, "src", "CertBuildTasks", "CertBuildTasks.csproj");
        string[] arguments = ["pack", project, "-c", RepoPaths.Configuration, "--no-build", "-p:BuildProjectReferences=false", "-o", feed, "-nologo"];
        var (code, output) = DotNetCli.Run(RepoPaths.Root, version is null ? arguments : [.. arguments, "-p:MinVerVersionOverride=" + version]);
        Assert.True(code == 0, output);
        return Assert.Single(Directory.GetFiles(feed, "*.nupkg"));
    }

    /// <summary>A nuget.config in <paramref name="consumer"/> that restores from <paramref name="feed"/> into <paramref name="packages"/>, never the user's cache.</summary>
    public static void Configure(string consumer, string feed, string packages, bool feedOnly = false)
    {
        Directory.CreateDirectory(consumer);
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{packages}" /></config>
              <packageSources>{(feedOnly ? "<clear />" : string.Empty)}<add key="local" value="{feed}" /></packageSources>
            </configuration>
            """);
    }
}
