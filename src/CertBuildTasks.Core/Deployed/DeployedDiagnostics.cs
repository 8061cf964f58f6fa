using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Deployed;

/// <summary>Problems with the DeployedCertificate items themselves, before any rule can judge them.</summary>
public static class DeployedDiagnostics
{
    public static readonly DiagnosticDescriptor EntryInvalid = new(
        "CBT5000", "Deployed certificate entry cannot be used", "{0}",
        DiagnosticCategory.Deployed, DiagnosticSeverity.Error, IsConfigurable: false);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [EntryInvalid];
}
