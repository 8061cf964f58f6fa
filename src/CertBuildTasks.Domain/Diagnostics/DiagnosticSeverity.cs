namespace CertBuildTasks.Diagnostics;

/// <summary>Roslyn's severities. <see cref="Hidden"/> is what "none"/"silent" configure: not reported.</summary>
public enum DiagnosticSeverity
{
    Hidden = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}
