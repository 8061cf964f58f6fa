using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Naming;

namespace CertBuildTasks.Rules.Issued;

/// <summary>
/// CBT3104: a SAN the plan requires is not on the certificate — the classic outage (lyncdiscover, meet,
/// the pool FQDN). Each missing name is named with the reason it is required.
/// </summary>
public sealed class RequiredSanMissingRule : IssuedRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT3104", "Required SAN missing", "The certificate {0} for '{1}' lacks {2} required SAN(s): {3}",
        DiagnosticCategory.Issued, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(IssuedCheck check, ReportDiagnostic report)
    {
        var names = check.Issued.DnsNames.ToHashSet(DnsName.Comparer);
        var missing = check.Planned.SubjectAlternativeNames.Where(n => !names.Contains(n.Name)).ToList();
        if (missing.Count > 0)
        {
            var list = string.Join("; ", missing.Select(n => $"{n.Name} ({string.Join(", ", n.Reasons)})"));
            report(check.Issued.Location, check.Issued.Display, check.Planned.Id, missing.Count, list);
        }
    }
}
