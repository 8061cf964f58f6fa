namespace CertBuildTasks.Tests.Infrastructure;

/// <summary>
/// One BuildManager per process: every test that builds (in process or with dotnet build) joins
/// this collection so builds never overlap.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MSBuildTestGroup
{
    public const string Name = "MSBuild";
}
