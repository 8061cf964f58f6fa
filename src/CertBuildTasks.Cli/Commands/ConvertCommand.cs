using CertBuildTasks.Cli.Arguments;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Input;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Cli.Commands;

/// <summary>certbuild convert: a Topology Builder XML topology (with its overrides) as the JSON format (the CertConvertTopology target).</summary>
internal sealed class ConvertCommand : Command
{
    public override string Name => "convert";

    public override string Summary => "Write a Topology Builder XML topology (with its overrides laid over it) in the JSON format.";

    public override string Usage => "TOPOLOGY --out topology.json [--overrides FILE] [--overwrite] [--schema FILE] [options]";

    public override IReadOnlyList<OptionSpec> Options =>
        [Arguments.Options.ConvertOut, Arguments.Options.Overrides, Arguments.Options.Overwrite, Arguments.Options.Schema, .. Arguments.Options.Reporting];

    public override int MaxPositional => 1;

    public override CommandResult Run(CommandContext context, ParsedArguments arguments)
    {
        var topology = arguments.Positional.Count == 1
            ? InputPaths.File(context, "the topology", arguments.Positional[0])
            : throw new UsageException("name the topology to convert: certbuild convert TOPOLOGY --out topology.json");
        var overrides = InputPaths.OptionalFile(context, arguments, Arguments.Options.Overrides);
        var schema = InputPaths.OptionalFile(context, arguments, Arguments.Options.Schema);
        var request = new TopologyConversion.Request(
            topology, overrides, context.FullPath(arguments.Required(Arguments.Options.ConvertOut.Name)),
            arguments.Has(Arguments.Options.Overwrite.Name), schema, [], OverwriteHint: "run again with --overwrite");

        // The same severity configuration as the pipeline commands: the files above the inputs, --config, --severity.
        string[] anchors = overrides is null ? [topology] : [topology, overrides];
        var configs = PipelineRun.SeverityConfigFiles(context, arguments, anchors);
        var resolver = new SeverityResolver(SeverityOptions.Default with { Overrides = PipelineRun.Severities(arguments) }, SeverityConfigurationFiles.Load(configs));

        var help = PipelineRun.HelpBase(arguments);
        var (json, diagnostics) = TopologyConversion.Prepare(request);
        var findings = resolver.ResolveAll(diagnostics).ToList();
        if (json is null || findings.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new CommandResult(Name, findings, [], "nothing written", help);
        }

        // A file system that refuses the write is an output certbuild could not write (CBT4007, exit code 2).
        if (TopologyConversion.Write(request, json) is { } problem)
        {
            findings.Add(Diagnostic.Create(IO.OutputDiagnostics.WriteFailed, SourceLocation.None, "certbuild convert", request.Destination, problem.TrimEnd('.')));
            return new CommandResult(Name, findings, [], "nothing written", help);
        }

        return new CommandResult(Name, findings, [("topology", request.Destination)], "converted", help);
    }
}
