using CertBuildTasks.Deployed;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Rules.Issued;

namespace CertBuildTasks.Rules.Deployed;

/// <summary>CBT5002: a certificate in service expires within the policy's warning window: renew it now.</summary>
public sealed class DeployedExpiresSoonRule : DeployedRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT5002", "Deployed certificate expires soon",
        "The certificate {0} ({1}) on '{2}' for {3} expires on {4}, within the {5}-day warning window of the policy; renew it before then",
        DiagnosticCategory.Deployed, DiagnosticSeverity.Warning);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(DeployedSet deployed, ReportDiagnostic report)
    {
        var horizon = CertBuildTasks.Issued.ValidationTime.AddDaysSaturating(deployed.ValidationTime, deployed.ExpiryWarningDays);
        foreach (var d in deployed.Deployed.Where(d => d.NotAfter >= deployed.ValidationTime && d.NotAfter < horizon))
        {
            report(d.Location, d.Thumbprint, d.SubjectName, d.Server, string.Join(", ", d.Usages), NotTimeValidRule.Format(d.NotAfter), deployed.ExpiryWarningDays);
        }
    }
}
