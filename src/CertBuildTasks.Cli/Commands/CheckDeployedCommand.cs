using CertBuildTasks.Cli.Arguments;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Cli.Commands;

/// <summary>certbuild check-deployed: the certificates in service against the plan and the clock (the CertCheckDeployed target).</summary>
internal sealed class CheckDeployedCommand : PipelineCommand
{
    public override string Name => "check-deployed";

    public override string Summary => "Check the certificates in service against the plan and the clock: expiry, drift, usages, OAuth and Edge A/V.";

    public override string Usage => "--topology FILE [--policy FILE] --deployed FILE... [--at TIME] [options]";

    protected override IReadOnlyList<OptionSpec> OwnOptions => [Arguments.Options.Deployed];

    protected override string Execute(CertificatePipeline pipeline, PipelineRun run, CommandContext context, ParsedArguments arguments, List<(string Role, string Path)> written)
    {
        if (run.Inputs.Deployed.IsEmpty)
        {
            throw new UsageException($"{Arguments.Options.Deployed.Name} is required: the certificates in service");
        }

        var checkedNow = pipeline.CheckDeployed(context.CancellationToken);
        return checkedNow.Value is { } outcome
            ? $"{outcome.Deployed.Count} certificate(s) in service checked"
            : $"no check: the {checkedNow.BlockedBy?.Name() ?? "plan"} stage has errors";
    }
}
