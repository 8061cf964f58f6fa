using CertBuildTasks.Cli.Arguments;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Cli.Commands;

/// <summary>certbuild gate: the pre-deployment gate over the certificates the CA issued (the CertValidateIssued target).</summary>
internal sealed class GateCommand : PipelineCommand
{
    public override string Name => "gate";

    public override string Summary => "Judge the certificates the CA issued against the plan: names, key, signature, chain, expiry.";

    public override string Usage => "--topology FILE [--policy FILE] --issued DIR-or-FILE... [--roots DIR-or-FILE...] [--at TIME] [options]";

    protected override IReadOnlyList<OptionSpec> OwnOptions => [Arguments.Options.Issued, Arguments.Options.Roots, Arguments.Options.RequireAll];

    protected override string Execute(CertificatePipeline pipeline, PipelineRun run, CommandContext context, ParsedArguments arguments, List<(string Role, string Path)> written)
    {
        if (run.Inputs.Issued.IsEmpty)
        {
            throw new UsageException($"{Arguments.Options.Issued.Name} is required: the certificates to judge");
        }

        var gated = pipeline.Gate(context.CancellationToken);
        var planned = pipeline.Plan(context.CancellationToken).Value?.Plan.Certificates.Length;
        return gated.Succeeded
            ? $"{gated.Value!.Passed.Count} issued certificate(s) accepted for {planned} planned certificate(s)"
            : gated.BlockedBy is { } blocker
                ? $"no gate: the {blocker.Name()} stage has errors"
                : $"{run.Inputs.Issued.Length} file(s) judged; nothing is accepted while an error remains";
    }
}
