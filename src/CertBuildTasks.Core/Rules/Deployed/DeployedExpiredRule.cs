using CertBuildTasks.Deployed;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Rules.Issued;

namespace CertBuildTasks.Rules.Deployed;

/// <summary>CBT5001: a certificate in service has expired; the usages it carries are down.</summary>
public sealed class DeployedExpiredRule : DeployedRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT5001", "Deployed certificate expired", "The certificate {0} ({1}) on '{2}' for {3} expired on {4}",
        DiagnosticCategory.Deployed, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(DeployedSet deployed, ReportDiagnostic report)
    {
        foreach (var d in deployed.Deployed.Where(d => d.NotAfter < deployed.ValidationTime))
        {
            report(d.Location, d.Thumbprint, d.SubjectName, d.Server, string.Join(", ", d.Usages), NotTimeValidRule.Format(d.NotAfter));
        }
    }
}
