using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Rules;

/// <summary>How a rule reports: a location and the arguments of its own message format.</summary>
public delegate void ReportDiagnostic(SourceLocation location, params object?[] arguments);
