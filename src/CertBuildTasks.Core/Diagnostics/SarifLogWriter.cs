using System.Text;
using System.Text.Json;

namespace CertBuildTasks.Diagnostics;

/// <summary>
/// Writes a SARIF 2.1.0 log. File URIs are relative to <c>baseDirectory</c>, never absolute
/// build-machine paths: the repository's root (uriBaseId SRCROOT) when the project is in one, as code
/// scanning reads relative paths from the repository root, else the project folder (PROJECTROOT).
/// </summary>
public static class SarifLogWriter
{
    public const string BaseId = "PROJECTROOT";

    public const string RepositoryBaseId = "SRCROOT";

    /// <summary>The repository a project folder is in: the nearest folder above it (or itself) with a .git folder or file; null when none.</summary>
    public static string? RepositoryRoot(string projectDirectory)
    {
        for (var dir = new DirectoryInfo(projectDirectory); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>
    /// The SARIF log of one project's run, as every front end writes it. Paths are relative to the
    /// repository's root when the project is in one (code scanning reads them from there: two projects
    /// of one repository both have a topology.json), and the automation id names the project's path in
    /// the repository, so their runs are told apart.
    /// </summary>
    /// <param name="projectExists">False for a front end that only names a project (certbuild without --project): results without a file then have no location.</param>
    public static byte[] WriteForProject(IReadOnlyList<Diagnostic> diagnostics, string projectFile, string toolVersion, Uri? helpBase, bool projectExists = true)
    {
        var project = Path.GetFullPath(projectFile);
        var projectDirectory = Path.GetDirectoryName(project) ?? string.Empty;
        var repository = RepositoryRoot(projectDirectory);
        var where = repository is null ? Path.GetFileNameWithoutExtension(project) : Path.GetRelativePath(repository, project).Replace('\\', '/');
        return Write(diagnostics, repository ?? projectDirectory, toolVersion, projectExists ? project : string.Empty, helpBase, "CertBuildTasks/" + where + "/", repository is null ? BaseId : RepositoryBaseId);
    }

    /// <param name="fallbackFile">Where results without a file are located (the project file), as in the MSBuild log.</param>
    /// <param name="helpBase">Where the rule pages are (absolute; CBT1106.md below it): helpUri of every rule, and the tool's informationUri.</param>
    /// <param name="automationId">Tells this project's run apart from another project's of the same repository (automationDetails.id).</param>
    /// <param name="baseId">PROJECTROOT when <paramref name="baseDirectory"/> is the project's folder, SRCROOT when it is the repository's root.</param>
    public static byte[] Write(IReadOnlyList<Diagnostic> diagnostics, string baseDirectory, string toolVersion, string fallbackFile = "", Uri? helpBase = null, string? automationId = null, string baseId = BaseId)
    {
        var rules = diagnostics.Select(d => d.Descriptor).DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();

            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "CertBuildTasks");
            w.WriteString("version", toolVersion);
            if (helpBase is not null)
            {
                w.WriteString("informationUri", new Uri(helpBase, "README.md").AbsoluteUri);
            }

            w.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                w.WriteStartObject();
                w.WriteString("id", rule.Id);
                w.WriteString("name", ToPascalName(rule.Title));
                w.WriteStartObject("shortDescription");
                w.WriteString("text", rule.Title);
                w.WriteEndObject();
                // Code scanning requires a full description; the rule page gives it and the help.
                var help = RuleHelp.Find(rule.Id);
                w.WriteStartObject("fullDescription");
                w.WriteString("text", help is { FullDescription.Length: > 0 } ? help.FullDescription : rule.Title + ".");
                w.WriteEndObject();

                // helpUri must be absolute (SARIF §3.49.12): only with a known place for the pages.
                if (helpBase is not null)
                {
                    w.WriteString("helpUri", rule.HelpUri(helpBase));
                }

                w.WriteStartObject("help");
                w.WriteString("text", (help is { FullDescription.Length: > 0 } ? help.FullDescription + " " : string.Empty) + "See " + rule.HelpUri(helpBase));
                if (help is not null)
                {
                    w.WriteString("markdown", help.Markdown);
                }

                w.WriteEndObject();
                w.WriteStartObject("defaultConfiguration");
                w.WriteString("level", Level(rule.DefaultSeverity));
                w.WriteEndObject();
                w.WriteStartObject("properties");
                w.WriteString("category", rule.Category);
                w.WriteString("helpLink", rule.HelpLink);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();

            if (automationId is not null)
            {
                w.WriteStartObject("automationDetails");
                w.WriteString("id", automationId);
                w.WriteEndObject();
            }

            w.WriteStartObject("originalUriBaseIds");
            w.WriteStartObject(baseId);
            w.WriteStartObject("description");
            w.WriteString("text", baseId == RepositoryBaseId ? "The root of the repository the project is in." : "The folder of the project that was built.");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteString("columnKind", "utf16CodeUnits");
            w.WriteStartArray("results");
            foreach (var d in diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", d.Id);
                w.WriteNumber("ruleIndex", ruleIndex[d.Id]);
                w.WriteString("level", Level(d.Severity));
                w.WriteStartObject("message");
                w.WriteString("text", d.Message);
                w.WriteEndObject();
                var location = d.Location.IsNone && fallbackFile.Length > 0 ? SourceLocation.File(fallbackFile) : d.Location;
                if (!location.IsNone)
                {
                    w.WriteStartArray("locations");
                    w.WriteStartObject();
                    w.WriteStartObject("physicalLocation");
                    w.WriteStartObject("artifactLocation");
                    w.WriteString("uri", RelativeUri(baseDirectory, location.FilePath));
                    w.WriteString("uriBaseId", baseId);
                    w.WriteEndObject();
                    // Code scanning wants a region for every location: a finding about a whole file
                    // (a certificate, the project) is placed at its first line, as the compiler does.
                    w.WriteStartObject("region");
                    w.WriteNumber("startLine", Math.Max(location.Line, 1));
                    if (location.Line > 0 && location.Column > 0)
                    {
                        w.WriteNumber("startColumn", location.Column);
                    }

                    w.WriteEndObject();

                    w.WriteEndObject();
                    w.WriteEndObject();
                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };

    /// <summary>A relative URI reference with forward slashes and percent-encoded segments.</summary>
    public static string RelativeUri(string baseDirectory, string filePath)
    {
        var relative = Path.IsPathFullyQualified(filePath) && baseDirectory.Length > 0
            ? Path.GetRelativePath(baseDirectory, filePath)
            : filePath;
        return string.Join('/', relative.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
    }

    private static string ToPascalName(string title)
    {
        var sb = new StringBuilder();
        foreach (var word in title.Split([' ', '-', '/', ',', '.', '(', ')', '\''], StringSplitOptions.RemoveEmptyEntries))
        {
            sb.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
        }

        return sb.ToString();
    }
}
