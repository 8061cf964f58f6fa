using CertBuildTasks.Cli.Arguments;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.IO;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Cli.Commands;

/// <summary>
/// certbuild bundle: every stage, then the deployment bundle and its zip, published atomically — the
/// same files, byte for byte, as `dotnet build` of a project with the same inputs (the CertBundle target).
/// </summary>
internal sealed class BundleCommand : PipelineCommand
{
    public override string Name => "bundle";

    public override string Summary => "Run every stage and write the deployment bundle (INF, scripts, runbooks, plan.json, report.html, manifest) and its zip.";

    public override string Usage => "--topology FILE [--overrides FILE] [--policy FILE] --out DIR [--zip FILE] [--issued …] [--deployed …] [options]";

    protected override IReadOnlyList<OptionSpec> OwnOptions =>
    [
        Arguments.Options.BundleOut, Arguments.Options.Zip, Arguments.Options.FailureReport,
        Arguments.Options.Issued, Arguments.Options.Roots, Arguments.Options.RequireAll, Arguments.Options.Deployed,
        Arguments.Options.GenerateCsr, Arguments.Options.KeyStore, Arguments.Options.KeyPasswordVariable,
    ];

    protected override IEnumerable<(string Option, string Path)> OutputFiles(CommandContext context, ParsedArguments arguments, PipelineRun run)
    {
        var (bundle, zip, report) = Paths(context, arguments, run.Name);
        yield return (Arguments.Options.BundleOut.Name, bundle);
        yield return (Arguments.Options.Zip.Name, zip);
        if (report is not null)
        {
            yield return (Arguments.Options.FailureReport.Name, report);
        }
    }

    protected override string Execute(CertificatePipeline pipeline, PipelineRun run, CommandContext context, ParsedArguments arguments, List<(string Role, string Path)> written)
    {
        var (bundleDirectory, zip, failureReport) = Paths(context, arguments, run.Name);

        // Publishing replaces the folder as a whole: a folder that is no bundle (it may hold anything)
        // is never taken over. The pipeline refuses one that holds an input or the project.
        if (Directory.Exists(bundleDirectory) && Directory.EnumerateFileSystemEntries(bundleDirectory).Any() && !File.Exists(Path.Combine(bundleDirectory, "manifest.json")))
        {
            throw new UsageException($"{Arguments.Options.BundleOut.Name}: '{bundleDirectory}' is a folder with files and no bundle in it (no manifest.json); it would be replaced as a whole: name a new or empty folder");
        }

        var ct = context.CancellationToken;
        pipeline.ComputeAll(ct);
        StageResult<BundleOutcome> bundle;
        try
        {
            bundle = pipeline.PublishBundle(bundleDirectory, zip, pipeline.ComputedFindings(), ct);
        }
        catch (OutputWriteException ex)
        {
            // As a build whose CertBundle target failed: the report of what was found, then the failure.
            try
            {
                WriteFailureReport(pipeline, failureReport, [.. pipeline.ComputedFindings(), WriteFailed(ex.Path, ex.Message)], written);
            }
            catch (OutputWriteException)
            {
                // The bundle's failure is what is reported; a report that cannot be written either adds nothing.
            }

            throw;
        }

        if (bundle.Succeeded)
        {
            written.Add(("bundle", bundleDirectory));
            written.Add(("zip", zip));
        }

        // An error in service fails the run but still publishes the bundle whose renewal scripts fix
        // it, as a build does; its report goes beside the bundle, never in it. A good run removes the
        // report of an earlier failure.
        var found = pipeline.ComputedFindings();
        if (found.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            WriteFailureReport(pipeline, failureReport, found, written);
        }
        else if (failureReport is not null)
        {
            AtomicFile.DeleteQuietly(failureReport);
        }

        return bundle.Succeeded
            ? $"{bundle.Value!.Files.Count} files in the bundle"
            : "no bundle written (errors above); the previous bundle is unchanged";
    }

    /// <summary>The bundle folder, the zip (beside it by default, named after the run) and the failure report, checked against each other.</summary>
    private static (string Bundle, string Zip, string? FailureReport) Paths(CommandContext context, ParsedArguments arguments, string name)
    {
        var bundle = Path.TrimEndingDirectorySeparator(context.FullPath(arguments.Required(Arguments.Options.BundleOut.Name)));
        var parent = Path.GetDirectoryName(bundle) ?? throw new UsageException($"{Arguments.Options.BundleOut.Name}: '{bundle}' is a root folder; name a folder of its own");
        var zip = arguments.Value(Arguments.Options.Zip.Name) is { } given ? context.FullPath(given) : Path.Combine(parent, name + "-certificates.zip");
        var report = arguments.Value(Arguments.Options.FailureReport.Name) is { } file ? context.FullPath(file) : null;
        if (report is not null && FolderPaths.IsAtOrInside(report, bundle))
        {
            throw new UsageException($"{Arguments.Options.FailureReport.Name} is inside the bundle folder, which only a good run writes; point it elsewhere");
        }

        if (FolderPaths.IsAtOrInside(zip, bundle))
        {
            throw new UsageException($"{Arguments.Options.Zip.Name}: the zip cannot be inside the bundle folder it is made from");
        }

        return (bundle, zip, report);
    }

    private static void WriteFailureReport(CertificatePipeline pipeline, string? path, IReadOnlyList<Diagnostic> found, List<(string Role, string Path)> written)
    {
        if (path is null)
        {
            return;
        }

        pipeline.WriteFailureReport(path, found);
        written.Add(("failure report", path));
    }
}
