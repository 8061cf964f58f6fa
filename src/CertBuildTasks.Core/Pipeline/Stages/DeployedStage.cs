using CertBuildTasks.Deployed;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Rules;
using CertBuildTasks.Validation;

namespace CertBuildTasks.Pipeline;

/// <summary>
/// The deployed-certificate check: reads every DeployedCertificate item and runs the CBT5xxx rules
/// against the plan at the validation time. It depends on the clock, so the target runs it on every
/// build that has deployed certificates.
/// </summary>
public static class DeployedStage
{
    public sealed record Input(string Path, string? Server, string? Use, string? PlannedId = null);

    public static (IReadOnlyList<DeployedCertificate> Deployed, IReadOnlyList<Diagnostic> Diagnostics) Run(
        CertificatePlan plan,
        CertificatePolicy policy,
        IReadOnlyList<Input> inputs,
        DateTimeOffset validationTime,
        CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag();
        var deployed = new List<DeployedCertificate>();
        foreach (var input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            deployed.AddRange(DeployedCertificateReader.Read(input.Path, input.Server, input.Use, input.PlannedId, plan, diagnostics));
        }

        var set = new DeployedSet(plan, Merge(deployed), validationTime, policy);
        var file = inputs.Count > 0 ? inputs[0].Path : string.Empty;
        foreach (var rule in RuleCatalog.DeployedRules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            RuleRunner.Run(rule.Descriptor, diagnostics, report => rule.Analyze(set, report), file);
        }

        return (set.Deployed, diagnostics.Sorted());
    }

    /// <summary>
    /// Get-CsCertificate lists one object per usage: one certificate on one server is one entry here,
    /// with every usage it is assigned to, so each finding is reported once.
    /// </summary>
    public static IReadOnlyList<DeployedCertificate> Merge(IEnumerable<DeployedCertificate> deployed) =>
        [.. deployed
            .GroupBy(d => (Server: d.Server.ToLowerInvariant(), d.Thumbprint))
            .Select(g => g.First() with { Usages = [.. g.SelectMany(d => d.Usages).Distinct(StringComparer.OrdinalIgnoreCase)] })];
}
