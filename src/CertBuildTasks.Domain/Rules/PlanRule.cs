using CertBuildTasks.Diagnostics;
using CertBuildTasks.Planning;

namespace CertBuildTasks.Rules;

/// <summary>A rule that can only be judged on the finished plan (CBT21xx).</summary>
public abstract class PlanRule
{
    public abstract DiagnosticDescriptor Descriptor { get; }

    public abstract void Analyze(CertificatePlan plan, ReportDiagnostic report);
}
