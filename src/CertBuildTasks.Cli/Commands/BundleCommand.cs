using System.Text;
using CertBuildTasks.Bundle;
using CertBuildTasks.Cli.Arguments;
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

    protected override string Execute(CertificatePipeline pipeline, PipelineRun run, CommandContext context, ParsedArguments arguments, List<(string Role, string Path)> written)
    {
        var bundleDirectory = context.FullPath(arguments.Required(Arguments.Options.BundleOut.Name));
        var zip = arguments.Value(Arguments.Options.Zip.Name) is { } given
            ? context.FullPath(given)
            : Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(bundleDirectory))!, run.Name + "-certificates.zip");
        var failureReport = arguments.Value(Arguments.Options.FailureReport.Name) is { } report ? context.FullPath(report) : null;
        if (failureReport is not null && IsInside(failureReport, bundleDirectory))
        {
            throw new UsageException($"{Arguments.Options.FailureReport.Name} is inside the bundle folder, which only a good run writes; point it elsewhere");
        }

        // The stages in the build's order, so the report holds every finding a build's would.
        var ct = context.CancellationToken;
        pipeline.Validate(ct);
        pipeline.Plan(ct);
        pipeline.Gate(ct);
        pipeline.CheckDeployed(ct);
        pipeline.Generate(ct);
        var bundle = pipeline.PublishBundle(bundleDirectory, zip, Found(pipeline), ct);
        if (bundle.Succeeded)
        {
            written.Add(("bundle", bundleDirectory));
            written.Add(("zip", zip));
        }

        // As a failed build does: the report of what was found, beside the bundle and never in it (an
        // error in service fails the run but still publishes the bundle whose renewal scripts fix it).
        var found = Found(pipeline);
        if (failureReport is not null && found.Any(d => d.Severity == Diagnostics.DiagnosticSeverity.Error))
        {
            var content = pipeline.Report(found, failed: true);
            AtomicFile.WriteAllBytes(failureReport, Encoding.UTF8.GetBytes(ReportWriter.Write(content)));
            written.Add(("failure report", failureReport));
        }

        return bundle.Succeeded
            ? $"{bundle.Value!.Files.Count} files in the bundle"
            : "no bundle written (errors above); the previous bundle is unchanged";
    }

    private static bool IsInside(string path, string folder)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(path).StartsWith(root, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }
}
