using CertBuildTasks.Pipeline;
using CertBuildTasks.Planning;

namespace CertBuildTasks.Cli.Tests.Infrastructure;

/// <summary>The pipeline of CertBuildTasks.Core called directly: what certbuild's output is compared with, and the plans its certificates are issued for.</summary>
public static class InProcessPipeline
{
    public static CertificatePipeline For(string topology, string? policy, string projectFile, string at = Samples.At) => new(new PipelineInputs
    {
        ProjectFile = projectFile,
        ToolVersion = ToolVersion.Current,
        TopologyFiles = [topology],
        PolicyFiles = policy is null ? [] : [policy],
        ValidationTime = at,
        SeverityConfigFiles = [],
    });

    public static CertificatePlan Plan(string topology, string? policy) =>
        For(topology, policy, Path.Combine(Path.GetDirectoryName(topology)!, "plan.certbuild")).Plan().Value!.Plan;
}
