using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Naming;

namespace CertBuildTasks.Rules.Issued;

/// <summary>CBT3105: names the plan did not ask for (Request-CsCertificate adds sip.&lt;domain&gt;; public CAs add www.).</summary>
public sealed class ExtraSansRule : IssuedRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT3105", "Extra SANs", "The certificate {0} for '{1}' has SAN(s) the plan does not list: {2}",
        DiagnosticCategory.Issued, DiagnosticSeverity.Info);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(IssuedCheck check, ReportDiagnostic report)
    {
        var planned = check.Planned.SanNames.ToHashSet(DnsName.Comparer);
        var extra = check.Issued.DnsNames.Where(n => !planned.Contains(n) && !DnsName.IsWildcard(n)).ToList();
        if (extra.Count > 0)
        {
            report(check.Issued.Location, check.Issued.Display, check.Planned.Id, string.Join(", ", extra));
        }
    }
}
