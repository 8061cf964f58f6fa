using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Naming;

namespace CertBuildTasks.Rules.Issued;

/// <summary>
/// CBT3106: a wildcard SAN the plan does not have. The plan only has wildcards where Lync allows them
/// and the policy asks for them (decision 12); Lync Phone Edition rejects them on registrars.
/// </summary>
public sealed class UnplannedWildcardRule : IssuedRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT3106", "Wildcard where the plan forbids it", "The certificate {0} for '{1}' has the wildcard SAN {2}, which the plan does not allow for this certificate",
        DiagnosticCategory.Issued, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(IssuedCheck check, ReportDiagnostic report)
    {
        var planned = check.Planned.SanNames.ToHashSet(DnsName.Comparer);
        foreach (var wildcard in check.Issued.DnsNames.Where(n => DnsName.IsWildcard(n) && !planned.Contains(n)))
        {
            report(check.Issued.Location, check.Issued.Display, check.Planned.Id, wildcard);
        }
    }
}
