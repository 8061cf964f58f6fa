using CertBuildTasks.Diagnostics;
using CertBuildTasks.Naming;
using CertBuildTasks.Policy;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Policy;

/// <summary>CBT2010: the CA config string is "&lt;CA host FQDN&gt;\&lt;CA name&gt;", as certutil prints it.</summary>
public sealed class CaConfigMalformedRule : PolicyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT2010", "CA config string malformed", "The CA config '{0}' is not of the form 'ca-host.example.com\\CA name': {1}",
        DiagnosticCategory.Policy, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePolicy policy, LyncTopology topology, ReportDiagnostic report)
    {
        if (policy.InternalCaConfig is not { } config)
        {
            return;
        }

        var parts = config.Value.Split('\\');
        if (parts.Length != 2)
        {
            report(config.Location, config.Value, "it needs exactly one backslash between the host and the CA name");
        }
        else if (DnsName.Problem(parts[0]) is { } hostProblem)
        {
            report(config.Location, config.Value, "the host " + hostProblem);
        }
        else if (parts[1].Trim().Length == 0)
        {
            report(config.Location, config.Value, "the CA name is empty");
        }
        else if (parts[1].Any(char.IsControl))
        {
            report(config.Location, config.Value, "the CA name contains a control character");
        }
    }
}
