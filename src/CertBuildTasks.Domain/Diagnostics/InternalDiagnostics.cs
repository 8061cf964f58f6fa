namespace CertBuildTasks.Diagnostics;

/// <summary>Failures of the tool itself, reported instead of an unhandled exception (MSB4018).</summary>
public static class InternalDiagnostics
{
    public static readonly DiagnosticDescriptor UnexpectedFailure = new(
        "CBT9000", "Internal error", "CertBuildTasks failed unexpectedly in {0}: {1}. Please report this with the input that caused it",
        DiagnosticCategory.Internal, DiagnosticSeverity.Error, IsConfigurable: false);

    public static readonly DiagnosticDescriptor FullFrameworkMSBuild = new(
        "CBT9001", "Build with dotnet build", "CertBuildTasks runs on .NET: this is the .NET Framework MSBuild {0} with .NET SDK {1}; build with 'dotnet build', or with Visual Studio 2026 (MSBuild 18) and the .NET 10 SDK (10.0.100) or later, which run the tasks in the .NET task host",
        DiagnosticCategory.Internal, DiagnosticSeverity.Error, IsConfigurable: false);

    public static readonly DiagnosticDescriptor FindingsCapped = new(
        "CBT9002", "More findings not shown", "{0:N0} more {1} findings in this file are not shown; the first {2} are",
        DiagnosticCategory.Internal, DiagnosticSeverity.Info, IsConfigurable: false);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [UnexpectedFailure, FullFrameworkMSBuild, FindingsCapped];
}
