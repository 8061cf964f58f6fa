using CertBuildTasks.IO;
using CertBuildTasks.Planning;
using Microsoft.Build.Framework;

namespace CertBuildTasks.MSBuild;

/// <summary>
/// The CertPlan target's task: plans every certificate, judges the plan (CBT21xx) and, only when no
/// error remains, writes plan.json and the item lines behind @(CertPlannedCertificate) atomically.
/// </summary>
public sealed class PlanCertificates : CertInputTask
{
    [Required]
    public string PlanFile { get; set; } = string.Empty;

    protected override string Stage => "plan";

    [Required]
    public string PlanItemsFile { get; set; } = string.Empty;

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

        var (plan, diagnostics, _) = planned;
        Report(diagnostics);
        if (Log.HasLoggedErrors)
        {
            // The previous plan (if any) stays as it was: never a half-written or wrong plan.json.
            return;
        }

        CancellationToken.ThrowIfCancellationRequested();
        LinkGuard.EnsureNoLinks(Path.GetDirectoryName(Path.GetFullPath(PlanFile))!, IntermediateDirectory);
        AtomicFile.WriteAllBytes(PlanFile, PlanJsonWriter.Write(plan, ToolVersion));
        AtomicFile.WriteAllBytes(PlanItemsFile, PlanItemLines.Write(plan));
        Log.LogMessage(MessageImportance.Normal, "CertBuildTasks planned {0} certificates into {1}", plan.Certificates.Length, PlanFile);
    }
}
