namespace CertBuildTasks.Bench;

/// <summary>Where the repository is, found from the benchmark's own location.</summary>
public static class BenchPaths
{
    public static string RepoRoot()
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
