namespace CertBuildTasks.Diagnostics;

/// <summary>One reported problem. <see cref="Severity"/> starts as the default and is re-set by configuration.</summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, SourceLocation Location, string Message, DiagnosticSeverity Severity)
{
    public string Id => Descriptor.Id;

    public static Diagnostic Create(DiagnosticDescriptor descriptor, SourceLocation location, params object?[] arguments) =>
        new(descriptor, location, descriptor.FormatMessage(arguments), descriptor.DefaultSeverity);

    public override string ToString() =>
        $"{Location}: {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
}
