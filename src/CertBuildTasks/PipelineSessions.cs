using CertBuildTasks.Pipeline;
using Microsoft.Build.Framework;

namespace CertBuildTasks.MSBuild;

/// <summary>
/// One <see cref="CertificatePipeline"/> per project and parameter set for the length of one build,
/// kept by MSBuild's registered task objects: the first stage task creates it, the later ones find it.
/// Beside it, the stages whose findings this build has logged.
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

    /// <summary>Notes that a stage task of this build logged its stage's findings.</summary>
    public static void MarkReported(IBuildEngine engine, CertificatePipeline pipeline, string stateDirectory, PipelineStage stage)
    {
        lock (Lock)
        {
            ReportedStages(engine, pipeline, stateDirectory).Add(stage);
        }
    }

    /// <summary>The stages whose findings a task of this build has logged (the rest are replayed from the build state).</summary>
    public static IReadOnlySet<PipelineStage> Reported(IBuildEngine engine, CertificatePipeline pipeline, string stateDirectory)
    {
        lock (Lock)
        {
            return ReportedStages(engine, pipeline, stateDirectory).ToHashSet();
        }
    }

    private static HashSet<PipelineStage> ReportedStages(IBuildEngine engine, CertificatePipeline pipeline, string stateDirectory)
    {
        // Kept beside the pipeline, for the same build: a pipeline a build made without registered
        // objects (a test host) is its own scope.
        if (engine is not IBuildEngine4 registry)
        {
            return Unregistered.GetValue(pipeline, _ => []);
        }

        // Per build state too: two configurations of one project may share a pipeline (same inputs and
        // time), but each has its own stored findings to replay.
        var key = "CertBuildTasks.Reported:" + pipeline.Inputs.Key() + "|" + Path.GetFullPath(stateDirectory);
        if (registry.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is HashSet<PipelineStage> existing)
        {
            return existing;
        }

        var created = new HashSet<PipelineStage>();
        registry.RegisterTaskObject(key, created, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
        return created;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CertificatePipeline, HashSet<PipelineStage>> Unregistered = new();
}
