using CertBuildTasks.Diagnostics;
using CertBuildTasks.Planning;

namespace CertBuildTasks.Rules.Plan;

/// <summary>CBT2102: public CAs commonly cap a UC/SAN certificate at about 100 names.</summary>
public sealed class TooManySansRule : PlanRule
{
    public const int Limit = 100;

    public static readonly DiagnosticDescriptor Rule = new(
        "CBT2102", "More SANs than public CAs accept", "The certificate '{0}' has {1} SANs; public CAs commonly accept at most {2}",
        DiagnosticCategory.Plan, DiagnosticSeverity.Warning);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePlan plan, ReportDiagnostic report)
    {
        foreach (var certificate in plan.Certificates.Where(c => c.SubjectAlternativeNames.Length > Limit))
        {
            report(certificate.Origin, certificate.Id, certificate.SubjectAlternativeNames.Length, Limit);
        }
    }
}
