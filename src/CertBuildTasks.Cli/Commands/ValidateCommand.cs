using CertBuildTasks.Cli.Arguments;
using CertBuildTasks.Cli.Output;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Cli.Commands;

/// <summary>certbuild validate: the topology, overrides and policy against their schemas and every topology and policy rule (the CertValidate target).</summary>
internal sealed class ValidateCommand : PipelineCommand
{
    public override string Name => "validate";

    public override string Summary => "Check the topology, overrides and policy against their schemas and every topology and policy rule.";

    public override string Usage => "--topology FILE [--overrides FILE] [--policy FILE] [options]";

    protected override IReadOnlyList<OptionSpec> OwnOptions => [];

    protected override string Execute(CertificatePipeline pipeline, PipelineRun run, CommandContext context, ParsedArguments arguments, List<(string Role, string Path)> written)
    {
        var validated = pipeline.Validate(context.CancellationToken);
        var topology = FindingLine.Display(run.Inputs.TopologyFiles[0], context.CurrentDirectory);
        return validated.Value is { } inputs
            ? $"{topology}: {inputs.Topology.Sites.Length} site(s), {inputs.Topology.Pools.Count()} pool(s), {inputs.Topology.Pools.Sum(p => p.EffectiveServers.Length)} server(s)"
            : $"{topology} could not be read";
    }
}
