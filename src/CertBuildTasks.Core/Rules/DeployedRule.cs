using CertBuildTasks.Deployed;
using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Rules;

/// <summary>A check of the certificates in service against the plan and the clock (CBT5xxx).</summary>
public abstract class DeployedRule
{
    public abstract DiagnosticDescriptor Descriptor { get; }

    public abstract void Analyze(DeployedSet deployed, ReportDiagnostic report);
}
