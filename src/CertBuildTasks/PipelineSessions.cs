using CertBuildTasks.Pipeline;
using Microsoft.Build.Framework;

namespace CertBuildTasks.MSBuild;

/// <summary>
/// One <see cref="CertificatePipeline"/> per project and parameter set for the length of one build,
/// kept by MSBuild's registered task objects: the first stage task creates it, the later ones find it.
/// </summary>
internal static class PipelineSessions
{
    private static readonly object Lock = new();

    public static CertificatePipeline For(IBuildEngine engine, PipelineInputs inputs)
    {
        if (engine is not IBuildEngine4 registry)
        {
            return new CertificatePipeline(inputs);
        }

        var key = "CertBuildTasks.Pipeline:" + inputs.Key();
        lock (Lock)
        {
            if (registry.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is CertificatePipeline existing)
            {
                return existing;
            }

            var created = new CertificatePipeline(inputs);
            registry.RegisterTaskObject(key, created, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: true);
            return created;
        }
    }
}
