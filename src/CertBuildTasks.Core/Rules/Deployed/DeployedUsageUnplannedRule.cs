using CertBuildTasks.Deployed;
using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Rules.Deployed;

/// <summary>
/// CBT5004: a usage is assigned on a server where the plan has no certificate for it: the server left
/// the topology, or the certificate was assigned to the wrong usage.
/// </summary>
public sealed class DeployedUsageUnplannedRule : DeployedRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT5004", "Usage assigned where the plan has no certificate",
        "The certificate {0} is assigned to {1} on '{2}', but the plan has no {1} certificate for that server",
        DiagnosticCategory.Deployed, DiagnosticSeverity.Warning);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(DeployedSet deployed, ReportDiagnostic report)
    {
        foreach (var d in deployed.Deployed)
        {
            foreach (var usage in d.Usages.Where(u => deployed.PlannedFor(d.Server, u) is null))
            {
                report(d.Location, d.Thumbprint, usage, d.Server);
            }
        }
    }
}
