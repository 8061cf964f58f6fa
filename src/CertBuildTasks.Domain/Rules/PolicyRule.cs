using CertBuildTasks.Diagnostics;
using CertBuildTasks.Policy;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules;

/// <summary>A rule judged on the certificate policy, with the topology for context (CBT20xx).</summary>
public abstract class PolicyRule
{
    public abstract DiagnosticDescriptor Descriptor { get; }

    public abstract void Analyze(CertificatePolicy policy, LyncTopology topology, ReportDiagnostic report);
}
