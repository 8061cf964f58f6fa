using System.Text.Json;
using CertBuildTasks.IO;
using CertBuildTasks.Rules;

namespace CertBuildTasks.Diagnostics;

/// <summary>
/// Keeps each stage's reported diagnostics on disk so that the one SARIF log holds every stage's
/// results even when some stages were skipped by an incremental build. A stage that runs again
/// invalidates the stages after it.
/// </summary>
public static class DiagnosticsStore
{
    public static readonly IReadOnlyList<string> Stages = ["validate", "plan", "issued", "generate", "bundle", "deployed"];

    /// <summary>
    /// The deployed-certificate check runs on every build and depends on nothing generated after it:
    /// it is never invalidated by another stage, so an unchanged deployed set does not rewrite its
    /// results and make the bundle run again.
    /// </summary>
    private const string IndependentStage = "deployed";

    public static void Save(string directory, string stage, IReadOnlyList<Diagnostic> diagnostics)
    {
        var after = Stages.SkipWhile(s => s != stage).Skip(1).Where(s => s != IndependentStage);
        foreach (var later in after)
        {
            var path = PathOf(directory, later);
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartArray();
            foreach (var d in diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("id", d.Id);
                w.WriteString("severity", d.Severity.ToString());
                w.WriteString("message", d.Message);
                w.WriteString("file", d.Location.FilePath);
                w.WriteNumber("line", d.Location.Line);
                w.WriteNumber("column", d.Location.Column);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        AtomicFile.WriteAllBytesIfChanged(PathOf(directory, stage), stream.ToArray());
    }

    /// <summary>Every stored diagnostic, in stage order.</summary>
    public static IReadOnlyList<Diagnostic> LoadAll(string directory)
    {
        var all = new List<Diagnostic>();
        foreach (var stage in Stages)
        {
            var path = PathOf(directory, stage);
            if (!File.Exists(path))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
                foreach (var e in doc.RootElement.EnumerateArray())
                {
                    var id = e.GetProperty("id").GetString()!;
                    var descriptor = RuleCatalog.Find(id) ?? new DiagnosticDescriptor(id, id, "{0}", DiagnosticCategory.Internal, DiagnosticSeverity.Warning);
                    var location = new SourceLocation(e.GetProperty("file").GetString() ?? string.Empty, e.GetProperty("line").GetInt32(), e.GetProperty("column").GetInt32());
                    all.Add(new Diagnostic(descriptor, location, e.GetProperty("message").GetString() ?? string.Empty, Enum.Parse<DiagnosticSeverity>(e.GetProperty("severity").GetString()!)));
                }
            }
            catch (Exception ex) when (ex is JsonException or IOException or InvalidOperationException or KeyNotFoundException or ArgumentException)
            {
                // A damaged store only loses old results; the stage that owns it rewrites it when it runs.
            }
        }

        return all;
    }

    private static string PathOf(string directory, string stage) => Path.Combine(directory, stage + ".diagnostics.json");
}
