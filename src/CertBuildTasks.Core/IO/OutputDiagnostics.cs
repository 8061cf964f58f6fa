using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.IO;

/// <summary>Outputs that could not be written. Not configurable: a bundle that was not written is not a warning.</summary>
public static class OutputDiagnostics
{
    public static readonly DiagnosticDescriptor WriteFailed = new(
        "CBT4007", "Output cannot be written", "{0} could not write '{1}': {2}. The bundle published before is unchanged; free space or make the folder writable and build again",
        DiagnosticCategory.Generation, DiagnosticSeverity.Error, IsConfigurable: false);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [WriteFailed];
}
