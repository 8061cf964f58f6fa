using CertBuildTasks.Diagnostics;
using CertBuildTasks.Planning;

namespace CertBuildTasks.Rules;

/// <summary>A rule judged before any file is generated: can every value be written safely (CBT4xxx)?</summary>
public abstract class GenerationRule
{
    public abstract DiagnosticDescriptor Descriptor { get; }

    public abstract void Analyze(CertificatePlan plan, ReportDiagnostic report);
}
