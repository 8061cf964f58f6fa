namespace CertBuildTasks.Bench;

/// <summary>Where the repository is, found from the benchmark's own location, and what the build benchmarks share.</summary>
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

    /// <summary>Back to the state after a restore: no bin/, no obj/Debug (the restore's files in obj/ stay).</summary>
    public static void RemoveBuildOutput(string project)
    {
        foreach (var folder in new[] { Path.Combine(project, "bin"), Path.Combine(project, "obj", "Debug") })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
