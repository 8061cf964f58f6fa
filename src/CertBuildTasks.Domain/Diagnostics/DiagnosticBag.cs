namespace CertBuildTasks.Diagnostics;

/// <summary>
/// Collects every problem of a run: stages report all they find, never only the first. One rule
/// reports at most <see cref="MaxPerRuleAndFile"/> findings in one file; the rest are counted and said
/// in one CBT9002 line per rule and file, so a file of 300,000 bad entries gives a readable log and a
/// SARIF file of kilobytes, not 300,000 lines.
/// </summary>
public sealed class DiagnosticBag
{
    public const int MaxPerRuleAndFile = 100;

    private readonly List<Diagnostic> _items = [];
    private readonly Dictionary<(string Id, string File), int> _counts = [];
    private readonly Dictionary<(string Id, string File), int> _dropped = [];

    /// <summary>The findings kept, then one summary per rule and file that had more.</summary>
    public IReadOnlyList<Diagnostic> Items => _dropped.Count == 0 ? _items : [.. _items, .. Summaries()];

    public bool HasErrors => _items.Exists(d => d.Severity == DiagnosticSeverity.Error);

    public void Add(Diagnostic diagnostic)
    {
        if (Keep(diagnostic.Id, diagnostic.Location.FilePath))
        {
            _items.Add(diagnostic);
        }
    }

    public void Add(DiagnosticDescriptor descriptor, SourceLocation location, params object?[] arguments)
    {
        // Counted before the message is formatted: the findings over the cap cost nothing more.
        if (Keep(descriptor.Id, location.FilePath))
        {
            _items.Add(Diagnostic.Create(descriptor, location, arguments));
        }
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Add(diagnostic);
        }
    }

    /// <summary>Stable order for logs and SARIF: file, line, column, then ID.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        [.. Items
            .OrderBy(d => d.Location.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Id, StringComparer.Ordinal)];

    private bool Keep(string id, string file)
    {
        if (id == InternalDiagnostics.FindingsCapped.Id)
        {
            return true;
        }

        var key = (id, file);
        var count = _counts.GetValueOrDefault(key) + 1;
        _counts[key] = count;
        if (count <= MaxPerRuleAndFile)
        {
            return true;
        }

        _dropped[key] = _dropped.GetValueOrDefault(key) + 1;
        return false;
    }

    private IEnumerable<Diagnostic> Summaries() =>
        _dropped.OrderBy(p => p.Key.File, StringComparer.Ordinal).ThenBy(p => p.Key.Id, StringComparer.Ordinal).Select(p =>
            Diagnostic.Create(InternalDiagnostics.FindingsCapped, SourceLocation.File(p.Key.File), p.Value, p.Key.Id, MaxPerRuleAndFile));
}
