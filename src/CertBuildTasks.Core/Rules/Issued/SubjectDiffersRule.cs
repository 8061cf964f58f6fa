using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Naming;

namespace CertBuildTasks.Rules.Issued;

/// <summary>CBT3103: the subject common name is not the planned one (clients and Lync services check it).</summary>
public sealed class SubjectDiffersRule : IssuedRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT3103", "Subject differs from the plan", "The certificate {0} for '{1}' has the subject CN={2}; the plan asks for CN={3}",
        DiagnosticCategory.Issued, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(IssuedCheck check, ReportDiagnostic report)
    {
        var cn = check.Issued.CommonName;
        if (!DnsName.Comparer.Equals(cn, check.Planned.SubjectName))
        {
            report(check.Issued.Location, check.Issued.Display, check.Planned.Id, cn, check.Planned.SubjectName);
        }
    }
}
