using CertBuildTasks.Cli.Arguments;
using CertBuildTasks.IO;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Cli.Commands;

/// <summary>certbuild plan: every certificate each server needs (the CertPlan target), and with --out the bundle's plan.json.</summary>
internal sealed class PlanCommand : PipelineCommand
{
    public override string Name => "plan";

    public override string Summary => "Validate, then plan every certificate each server needs; --out writes plan.json.";

    public override string Usage => "--topology FILE [--overrides FILE] [--policy FILE] [--out plan.json] [options]";

    protected override IReadOnlyList<OptionSpec> OwnOptions => [Arguments.Options.PlanOut];

    protected override IEnumerable<(string Option, string Path)> OutputFiles(CommandContext context, ParsedArguments arguments, PipelineRun run) =>
        arguments.Value(Arguments.Options.PlanOut.Name) is { } output ? [(Arguments.Options.PlanOut.Name, context.FullPath(output))] : [];

    protected override string Execute(CertificatePipeline pipeline, PipelineRun run, CommandContext context, ParsedArguments arguments, List<(string Role, string Path)> written)
    {
        var planned = pipeline.Plan(context.CancellationToken);
        if (!planned.Succeeded)
        {
            return "no plan (errors above)";
        }

        // Never a half-written or wrong plan: written only without errors, and atomically.
        if (arguments.Value(Arguments.Options.PlanOut.Name) is { } output)
        {
            var path = context.FullPath(output);
            AtomicFile.WriteAllBytes(path, planned.Value!.PlanJson);
            written.Add(("plan", path));
        }

        return $"planned {planned.Value!.Plan.Certificates.Length} certificate(s)";
    }
}
