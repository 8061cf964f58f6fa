using CertBuildTasks.Diagnostics;
using CertBuildTasks.Planning;

namespace CertBuildTasks.Rules.Plan;

/// <summary>CBT2104: no Lync/SfB role accepts a wildcard subject ("it must be an explicit name").</summary>
public sealed class WildcardSubjectRule : PlanRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT2104", "Wildcard subject", "The certificate '{0}' would have the wildcard subject '{1}'; subjects must be explicit FQDNs",
        DiagnosticCategory.Plan, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePlan plan, ReportDiagnostic report)
    {
        foreach (var certificate in plan.Certificates.Where(c => c.SubjectName.Contains('*', StringComparison.Ordinal)))
        {
            report(certificate.Origin, certificate.Id, certificate.SubjectName);
        }
    }
}
