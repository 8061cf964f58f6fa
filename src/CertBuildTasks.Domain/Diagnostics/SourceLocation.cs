namespace CertBuildTasks.Diagnostics;

/// <summary>A 1-based line/column in an input file. Line 0 means "the file as a whole".</summary>
public readonly record struct SourceLocation(string FilePath, int Line, int Column)
{
    public static readonly SourceLocation None = new(string.Empty, 0, 0);

    public static SourceLocation File(string filePath) => new(filePath, 0, 0);

    public bool IsNone => FilePath.Length == 0;

    public override string ToString() => Line > 0 ? $"{FilePath}({Line},{Column})" : FilePath;
}
