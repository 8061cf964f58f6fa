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
            var names = Names(d);
            var reported = new HashSet<string>(DnsName.Comparer);
            foreach (var usage in d.Usages)
            {
                if (deployed.PlannedFor(d.Server, usage) is not { } planned)
                {
                    continue;
                }

                foreach (var required in planned.SubjectAlternativeNames.Where(n => !Covered(n.Name, names) && reported.Add(n.Name)))
                {
                    report(d.Location, d.Thumbprint, d.Server, usage, required.Name, planned.Id, string.Join("; ", required.Reasons));
                }
            }
        }
    }

    /// <summary>
    /// The names a certificate answers to: its DNS SANs and its subject CN (an Edge internal or OAuth
    /// certificate with the name only in the subject is valid).
    /// </summary>
    public static HashSet<string> Names(DeployedCertificate d)
    {
        var names = d.DnsNames.ToHashSet(DnsName.Comparer);
        if (d.SubjectName.Length > 0)
        {
            names.Add(d.SubjectName);
        }

        return names;
    }

    /// <summary>Exact, or a deployed wildcard covering exactly one label, as in TLS.</summary>
    public static bool Covered(string name, HashSet<string> names)
    {
        if (names.Contains(name))
        {
            return true;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return !DnsName.IsWildcard(name) && dot > 0 && names.Contains("*" + name[dot..]);
    }
}
