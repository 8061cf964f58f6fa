using CertBuildTasks.Cli.Arguments;
using CertBuildTasks.Cli.Output;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.IO;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Cli.Commands;

/// <summary>
/// A command over the pipeline: it fills <see cref="PipelineInputs"/> from the command line, asks the
/// pipeline for its stage (which computes what that stage needs), and reports what every stage the
/// pipeline computed found, in stage order — the findings a build of the same inputs logs and stores.
/// </summary>
internal abstract class PipelineCommand : Command
{
    /// <summary>The options of this command besides the inputs and the reporting options.</summary>
    protected abstract IReadOnlyList<OptionSpec> OwnOptions { get; }

    public sealed override IReadOnlyList<OptionSpec> Options => [.. Arguments.Options.Inputs, .. OwnOptions, .. Arguments.Options.Reporting];

    public sealed override CommandResult Run(CommandContext context, ParsedArguments arguments)
    {
        var run = PipelineRun.From(context, arguments);
        var sarif = arguments.Value(Arguments.Options.Sarif.Name) is { } given ? context.FullPath(given) : null;
        var quiet = arguments.Has(Arguments.Options.Quiet.Name);
        using var progress = context.ErrorIsTerminal && !quiet ? new ProgressLine(context.Error) : null;
        var pipeline = new CertificatePipeline(run.Inputs, progress is null ? null : progress.Report);
        var outputs = OutputFiles(context, arguments, run).ToList();
        if (sarif is not null)
        {
            outputs.Add((Arguments.Options.Sarif.Name, sarif));
        }

        RefuseOutputsOverInputs(run, pipeline.FilesRead(), outputs);
        var written = new List<(string Role, string Path)>();
        var extra = new List<Diagnostic>();
        string summary;
        try
        {
            summary = Execute(pipeline, run, context, arguments, written);
        }
        catch (OutputWriteException ex)
        {
            extra.Add(WriteFailed(ex.Path, ex.Message));
            summary = "an output could not be written";
        }

        progress?.Dispose();
        var findings = Located(run, [.. pipeline.ComputedFindings(), .. extra]);
        if (sarif is not null)
        {
            try
            {
                AtomicFile.WriteAllBytes(sarif, SarifLogWriter.WriteForProject(findings, run.Inputs.ProjectFile, run.Inputs.ToolVersion, run.Inputs.RulesHelpBase, run.StandsForProject));
                written.Add(("sarif", sarif));
            }
            catch (OutputWriteException ex)
            {
                findings = [.. findings, WriteFailed(ex.Path, ex.Message)];
            }
        }

        return new CommandResult(Name, findings, written, summary, run.Inputs.RulesHelpBase);
    }

    /// <summary>Runs the command's stage and writes its outputs; returns the summary line.</summary>
    /// <exception cref="OutputWriteException">An output could not be written (CBT4007, exit code 2).</exception>
    protected abstract string Execute(CertificatePipeline pipeline, PipelineRun run, CommandContext context, ParsedArguments arguments, List<(string Role, string Path)> written);

    /// <summary>The files this command writes besides --sarif, by option, to refuse one that is an input.</summary>
    protected virtual IEnumerable<(string Option, string Path)> OutputFiles(CommandContext context, ParsedArguments arguments, PipelineRun run) => [];

    /// <summary>An output over an input would destroy what the run reads (a SARIF log named like the topology, say): refused before anything runs.</summary>
    private static void RefuseOutputsOverInputs(PipelineRun run, IEnumerable<string> read, IReadOnlyList<(string Option, string Path)> outputs)
    {
        var inputs = run.Inputs;
        foreach (var (option, path) in outputs)
        {
            if (read.FirstOrDefault(r => FolderPaths.IsAtOrInside(r, path)) is { } input)
            {
                // Without --project the "project" is a name in the current folder, not a file.
                var what = input == inputs.ProjectFile && !run.StandsForProject ? "the current folder" : $"'{input}', which this run reads";
                throw new UsageException($"{option}: '{path}' would overwrite {what}");
            }
        }
    }

    /// <summary>Without --project, a finding about "the project" is about the run: it has no file.</summary>
    private static IReadOnlyList<Diagnostic> Located(PipelineRun run, IReadOnlyList<Diagnostic> findings) =>
        run.StandsForProject
            ? findings
            : [.. findings.Select(d => string.Equals(d.Location.FilePath, run.Inputs.ProjectFile, StringComparison.Ordinal) ? d with { Location = SourceLocation.None } : d)];

    protected Diagnostic WriteFailed(string path, string message) =>
        Diagnostic.Create(OutputDiagnostics.WriteFailed, SourceLocation.None, "certbuild " + Name, path, message.TrimEnd('.'));
}
