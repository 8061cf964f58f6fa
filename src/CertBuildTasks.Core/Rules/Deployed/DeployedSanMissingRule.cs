using CertBuildTasks.Deployed;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Naming;

namespace CertBuildTasks.Rules.Deployed;

/// <summary>
/// CBT5003: drift. The plan for this server and usage now requires a name the certificate in service
/// lacks — typically a SIP domain or simple URL added to the topology since the certificate was issued.
/// A deployed wildcard covers one label, as in TLS.
/// </summary>
public sealed class DeployedSanMissingRule : DeployedRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT5003", "Deployed certificate lacks a name the plan requires",
        "The certificate {0} on '{1}' for {2} lacks '{3}', which the plan '{4}' now requires ({5}); request a replacement with the plan's names",
        DiagnosticCategory.Deployed, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(DeployedSet deployed, ReportDiagnostic report)
    {
        foreach (var d in deployed.Deployed)
        {
            var names = DeployedNames.Of(d);
            var reported = new HashSet<string>(DnsName.Comparer);
            foreach (var usage in d.Usages)
            {
                if (deployed.PlannedFor(d.Server, usage) is not { } planned)
                {
                    continue;
                }

                foreach (var required in planned.SubjectAlternativeNames.Where(n => !DeployedNames.Covered(n.Name, names) && reported.Add(n.Name)))
                {
                    report(d.Location, d.Thumbprint, d.Server, usage, required.Name, planned.Id, string.Join("; ", required.Reasons));
                }
            }
        }
    }
}
