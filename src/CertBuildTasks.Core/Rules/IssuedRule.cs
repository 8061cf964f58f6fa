using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;

namespace CertBuildTasks.Rules;

/// <summary>A check of one issued certificate against its planned certificate (CBT31xx).</summary>
public abstract class IssuedRule
{
    public abstract DiagnosticDescriptor Descriptor { get; }

    public abstract void Analyze(IssuedCheck check, ReportDiagnostic report);
}
