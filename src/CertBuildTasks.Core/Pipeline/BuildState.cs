using System.Text.Json;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.IO;
using CertBuildTasks.Rules;

namespace CertBuildTasks.Pipeline;

/// <summary>
/// Owns every file a build keeps between its targets, under obj/…/certbuild/. The targets name the
/// same files (a test keeps both lists equal):
/// <list type="bullet">
/// <item><c>inputs.cache</c>: the input list and result-changing properties (written by the targets).</item>
/// <item><c>&lt;stage&gt;.stamp</c>: touched by the targets when a stage's target succeeded; its only Output.</item>
/// <item><c>&lt;stage&gt;.result.json</c>: the stage's fingerprint and findings, rewritten only when they
/// change: the next stage's target takes it as an Input, and the SARIF log and the report read every
/// stage's findings from these files, also those of stages an incremental build skipped.</item>
/// <item><c>plan.items</c>: @(CertPlannedCertificate) for the targets, from the last plan.</item>
/// <item><c>published.files</c>: what the last bundle published, for `dotnet clean`.</item>
/// </list>
/// </summary>
public sealed class BuildState(string directory)
{
    public const string InputsCacheFile = "inputs.cache";

    public const string PlanItemsFile = "plan.items";

    public const string PublishedFilesList = "published.files";

    /// <summary>
    /// Present while a stored result holds a warning: the build's last target replays the findings of
    /// the stages a build skipped (so -warnaserror sees their warnings), and needs to run only then —
    /// not for messages (CBT2000 says which defaults a policy took in most projects), which no switch
    /// turns into errors.
    /// </summary>
    public const string FindingsMarker = "findings.marker";

    /// <summary>The stages whose targets are incremental; the gate and the deployed check run on every build that has their items.</summary>
    public static readonly IReadOnlyList<PipelineStage> StampedStages = [PipelineStage.Validate, PipelineStage.Plan, PipelineStage.Generate, PipelineStage.Bundle];

    public static string StampFile(PipelineStage stage) => stage.Name() + ".stamp";

    public static string ResultFile(PipelineStage stage) => stage.Name() + ".result.json";

    /// <summary>Every file name this type owns, for the test that keeps the targets in step.</summary>
    public static IReadOnlyList<string> AllFileNames =>
        [InputsCacheFile, PlanItemsFile, PublishedFilesList, FindingsMarker, .. StampedStages.Select(StampFile), .. PipelineStages.InOrder.Select(ResultFile)];

    public string Directory => directory;

    public string PathOf(string fileName) => Path.Combine(directory, fileName);

    /// <summary>
    /// Stores a stage's result. When it differs from the stored one, the results of every stage that
    /// consumes it are dropped (they no longer describe this build); when it is the same, nothing is
    /// written, so the targets after it stay up to date.
    /// </summary>
    /// <returns>true when the stored result changed.</returns>
    public bool Save(PipelineStage stage, string fingerprint, IReadOnlyList<Diagnostic> diagnostics)
    {
        LinkGuard.EnsureNoLinks(directory, directory);
        var changed = AtomicFile.WriteAllBytesIfChanged(PathOf(ResultFile(stage)), Serialize(fingerprint, diagnostics));
        if (changed)
        {
            foreach (var consumer in stage.Consumers())
            {
                Delete(ResultFile(consumer));
            }
        }

        return changed;
    }

    /// <summary>Keeps <see cref="FindingsMarker"/> in step with the stored findings.</summary>
    public void MarkReplay(IReadOnlyList<Diagnostic> stored)
    {
        var path = PathOf(FindingsMarker);
        var count = stored.Count(d => d.Severity == DiagnosticSeverity.Warning);
        if (count > 0)
        {
            AtomicFile.WriteAllBytesIfChanged(path, System.Text.Encoding.UTF8.GetBytes(count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n"));
        }
        else
        {
            Delete(FindingsMarker);
        }
    }

    /// <summary>The stored findings of one stage.</summary>
    public IReadOnlyList<Diagnostic> LoadStage(PipelineStage stage) => Load(stage);

    /// <summary>Every stored finding, in stage order; <paramref name="except"/> leaves one stage out.</summary>
    public IReadOnlyList<Diagnostic> LoadDiagnostics(PipelineStage? except = null)
    {
        var all = new List<Diagnostic>();
        foreach (var stage in PipelineStages.InOrder.Where(s => s != except))
        {
            all.AddRange(Load(stage));
        }

        return all;
    }

    private List<Diagnostic> Load(PipelineStage stage)
    {
        var path = PathOf(ResultFile(stage));
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var found = new List<Diagnostic>();
            foreach (var e in doc.RootElement.GetProperty("diagnostics").EnumerateArray())
            {
                var id = e.GetProperty("id").GetString()!;
                var descriptor = RuleCatalog.Find(id) ?? new DiagnosticDescriptor(id, id, "{0}", DiagnosticCategory.Internal, DiagnosticSeverity.Warning);
                var location = new SourceLocation(e.GetProperty("file").GetString() ?? string.Empty, e.GetProperty("line").GetInt32(), e.GetProperty("column").GetInt32());
                found.Add(new Diagnostic(descriptor, location, e.GetProperty("message").GetString() ?? string.Empty, Enum.Parse<DiagnosticSeverity>(e.GetProperty("severity").GetString()!)));
            }

            return found;
        }
        catch (Exception ex) when (ex is JsonException or IOException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            // A damaged record only loses old findings; the stage that owns it rewrites it when it runs.
            return [];
        }
    }

    private static byte[] Serialize(string fingerprint, IReadOnlyList<Diagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("fingerprint", fingerprint);
            w.WriteStartArray("diagnostics");
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
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    private void Delete(string fileName)
    {
        var path = PathOf(fileName);
        OutputWriteException.Guard(path, () =>
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        });
    }
}
