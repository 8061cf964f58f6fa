namespace CertBuildTasks.Diagnostics;

/// <summary>A value read from an input file together with where it was written, so rules can point at it.</summary>
public sealed record Located<T>(T Value, SourceLocation Location)
{
    public override string ToString() => Value?.ToString() ?? string.Empty;
}
