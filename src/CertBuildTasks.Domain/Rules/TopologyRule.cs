using CertBuildTasks.Diagnostics;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules;

/// <summary>A rule judged on the topology alone (CBT11xx). One rule per file, each with its tests and doc page.</summary>
public abstract class TopologyRule
{
    public abstract DiagnosticDescriptor Descriptor { get; }

    public abstract void Analyze(LyncTopology topology, ReportDiagnostic report);
}
