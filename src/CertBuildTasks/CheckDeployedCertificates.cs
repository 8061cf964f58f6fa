using CertBuildTasks.Deployed;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using Microsoft.Build.Framework;

namespace CertBuildTasks.MSBuild;

/// <summary>
/// The CertCheckDeployed target's task: judges the certificates in service (DeployedCertificate items)
/// against the plan and the clock — expiry, drift, usage assignment, the global OAuth certificate and
/// the shared Edge A/V certificate.
/// </summary>
public sealed class CheckDeployedCertificates : CertInputTask
{
    public ITaskItem[] DeployedCertificates { get; set; } = [];

    /// <summary>deployed.json: the set as read, for the renewal scripts of CertGenerate.</summary>
    public string? DeployedFile { get; set; }

    protected override string Stage => "deployed";

    protected override void ExecuteCore()
    {
        var (topology, policy, problems) = LoadInputs();
        if (topology is null || policy is null)
        {
            Report(problems);
            return;
        }

        if (PlanInputs(topology, policy) is not { } planned)
        {
            return;
        }

        var (plan, _, now) = planned;
        var (deployed, diagnostics) = DeployedStage.Run(
            plan,
            policy,
            [.. DeployedCertificates.Select(i => new DeployedStage.Input(i.GetMetadata("FullPath"), Metadata(i, "Server"), Metadata(i, "Use"), Metadata(i, "PlannedId")))],
            now,
            CancellationToken);
        Report(diagnostics);
        if (!string.IsNullOrEmpty(DeployedFile))
        {
            DeployedRecord.Save(DeployedFile, deployed);
        }
    }
}
