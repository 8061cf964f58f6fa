using System.Globalization;
using System.Text;
using System.Text.Json;
using CertBuildTasks.Cli.Commands;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Cli.Output;

/// <summary>Prints a command's result on stdout: canonical lines and a summary, or one JSON document (docs/cli.md).</summary>
internal static class ResultWriter
{
    public static void Write(CommandResult result, OutputFormat format, bool quiet, CommandContext context)
    {
        if (format == OutputFormat.Json)
        {
            context.Out.Write(Json(result));
            return;
        }

        foreach (var finding in result.Findings.Where(d => !quiet || d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning))
        {
            context.Out.WriteLine(FindingLine.Format(finding, context.CurrentDirectory));
        }

        if (quiet)
        {
            return;
        }

        foreach (var (role, path) in result.Written)
        {
            context.Out.WriteLine($"certbuild {result.Command}: wrote {role} {FindingLine.Display(path, context.CurrentDirectory)}");
        }

        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"certbuild {result.Command}: {result.Summary}; {Count(result, DiagnosticSeverity.Error, "error")}, {Count(result, DiagnosticSeverity.Warning, "warning")}"));
    }

    private static string Count(CommandResult result, DiagnosticSeverity severity, string word)
    {
        var n = result.Findings.Count(d => d.Severity == severity);
        return string.Create(CultureInfo.InvariantCulture, $"{n} {word}{(n == 1 ? string.Empty : "s")}");
    }

    /// <summary>
    /// The JSON document: the tool and version, the command, its exit code, the counts, every finding
    /// (absolute file, 1-based line and column, 0 when unknown, and its rule page) and what was written.
    /// </summary>
    private static string Json(CommandResult result)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("tool", "certbuild");
            w.WriteString("version", ToolVersion.Current);
            w.WriteString("command", result.Command);
            w.WriteNumber("exitCode", result.ExitCode);
            w.WriteString("summary", result.Summary);
            w.WriteNumber("errors", result.Findings.Count(d => d.Severity == DiagnosticSeverity.Error));
            w.WriteNumber("warnings", result.Findings.Count(d => d.Severity == DiagnosticSeverity.Warning));
            w.WriteNumber("messages", result.Findings.Count(d => d.Severity == DiagnosticSeverity.Info));
            w.WriteStartArray("findings");
            foreach (var d in result.Findings)
            {
                w.WriteStartObject();
                w.WriteString("id", d.Id);
                w.WriteString("severity", d.Severity == DiagnosticSeverity.Info ? "info" : d.Severity.ToString().ToLowerInvariant());
                w.WriteString("message", d.Message);
                if (d.Location.IsNone)
                {
                    w.WriteNull("file");
                }
                else
                {
                    w.WriteString("file", d.Location.FilePath);
                }

                w.WriteNumber("line", Math.Max(d.Location.Line, 0));
                w.WriteNumber("column", Math.Max(d.Location.Column, 0));
                w.WriteString("title", d.Descriptor.Title);
                w.WriteString("helpUri", d.Descriptor.HelpUri(result.HelpBase));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("written");
            foreach (var (role, path) in result.Written)
            {
                w.WriteString(role, path);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
    }
}
