using CertBuildTasks.Deployed;
using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Rules.Deployed;

/// <summary>
/// CBT5006: every Edge server of a pool must use the same A/V authentication certificate (the same
/// private key), or media relay tokens issued by one server fail on another.
/// </summary>
public sealed class EdgeAudioVideoDiffersRule : DeployedRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT5006", "Edge pool members use different A/V authentication certificates",
        "The A/V authentication certificate on '{0}' is {1}, but on '{2}' of the same Edge pool ({3}) it is {4}; export the one certificate with its private key and assign it on every Edge server",
        DiagnosticCategory.Deployed, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(DeployedSet deployed, ReportDiagnostic report)
    {
        const string Usage = "AudioVideoAuthentication";
        var byPlan = deployed.Deployed
            .Where(d => d.Usages.Contains(Usage, StringComparer.OrdinalIgnoreCase))
            .Select(d => (Deployed: d, Planned: deployed.PlannedFor(d.Server, Usage)))
            .Where(x => x.Planned is not null)
            .GroupBy(x => x.Planned!.Id, StringComparer.Ordinal);
        foreach (var pool in byPlan)
        {
            var first = pool.First().Deployed;
            foreach (var (other, planned) in pool.Skip(1).Where(x => x.Deployed.Thumbprint != first.Thumbprint))
            {
                report(other.Location, other.Server, other.Thumbprint, first.Server, planned!.Pool ?? planned.Id, first.Thumbprint);
            }
        }
    }
}
