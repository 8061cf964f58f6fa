namespace CertBuildTasks.Tests.Infrastructure;

/// <summary>
/// The real Topology Builder files of the workplace: shared/topologies beside the repository (or beside
/// one of its parents), or the folder named by CERTBUILDTASKS_SHARED_TOPOLOGIES for a checkout that
/// lives elsewhere. Read in place, never copied. Shared by the test projects.
/// </summary>
public static class SharedTopologies
{
    public const string ContosoTbxml = "sfbautomatedlab-contoso.tbxml";
    public const string OtcTbxml = "otc-sfb2019-standard.tbxml";

    public static string Path(string fileName)
    {
        if (Environment.GetEnvironmentVariable("CERTBUILDTASKS_SHARED_TOPOLOGIES") is { Length: > 0 } folder && File.Exists(System.IO.Path.Combine(folder, fileName)))
        {
            return System.IO.Path.Combine(folder, fileName);
        }

        for (var dir = new DirectoryInfo(RepoPaths.Root); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "topologies", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"shared/topologies/{fileName} was not found beside the repository or its parents (or in CERTBUILDTASKS_SHARED_TOPOLOGIES): the real Topology Builder files are part of the workplace");
    }
}
