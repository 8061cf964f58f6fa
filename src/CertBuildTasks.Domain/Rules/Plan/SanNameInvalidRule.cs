using CertBuildTasks.Diagnostics;
using CertBuildTasks.Naming;
using CertBuildTasks.Planning;

namespace CertBuildTasks.Rules.Plan;

/// <summary>
/// CBT2101: every SAN the plan composes must itself be a valid DNS name. Names built from valid parts
/// can still break the limits: lyncdiscoverinternal.&lt;a 240-character domain&gt; is 261 characters.
/// </summary>
public sealed class SanNameInvalidRule : PlanRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT2101", "SAN is not a valid DNS name", "The certificate '{0}' would need the SAN '{1}' ({2}), which is not a valid DNS name: {3}",
        DiagnosticCategory.Plan, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePlan plan, ReportDiagnostic report)
    {
        foreach (var certificate in plan.Certificates)
        {
            foreach (var san in certificate.SubjectAlternativeNames)
            {
                if (DnsName.Problem(san.Name, allowWildcard: true) is { } problem)
                {
                    report(certificate.Origin, certificate.Id, san.Name, string.Join("; ", san.Reasons), problem);
                }
            }
        }
    }
}
