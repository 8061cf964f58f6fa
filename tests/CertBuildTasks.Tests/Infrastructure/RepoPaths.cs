namespace CertBuildTasks.Tests.Infrastructure;

/// <summary>Where things are, found from the test assembly (never a machine-specific absolute path).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    public static string TaskAssembly => Path.Combine(Root, "src", "CertBuildTasks", "bin", Configuration, "net8.0", "CertBuildTasks.dll");

    public static string PropsFile => Path.Combine(Root, "src", "CertBuildTasks", "build", "CertBuildTasks.props");

    public static string TargetsFile => Path.Combine(Root, "src", "CertBuildTasks", "build", "CertBuildTasks.targets");

    public static string Samples => Path.Combine(Root, "samples");

    public static string Docs => Path.Combine(Root, "docs");

    /// <summary>The workplace's shared folder (reference topologies) sits beside the repository.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CertBuildTasks.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CertBuildTasks.sln not found above " + AppContext.BaseDirectory);
    }
}
