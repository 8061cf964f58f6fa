namespace CertBuildTasks.Diagnostics;

/// <summary>
/// Where a rule's configured severity comes from: the .editorconfig/.globalconfig files the build read
/// (<see cref="SeverityConfiguration"/>), or the options the compiler hands an analyzer for a file.
/// </summary>
public interface ISeveritySource
{
    /// <summary>The configured severity, or null when nothing configures it (or it says "default").</summary>
    /// <param name="filePath">The file the finding is in (the project file for findings without one).</param>
    DiagnosticSeverity? SeverityFor(DiagnosticDescriptor descriptor, string filePath);
}
