using CertBuildTasks.Diagnostics;
using CertBuildTasks.Policy;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Policy;

/// <summary>
/// CBT2008: Edge servers are not domain-joined, so Request-CsCertificate cannot reach an enterprise CA
/// from them; their certificates are requested with certreq or offline.
/// </summary>
public sealed class EdgeCmdletRequestRule : PolicyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT2008", "Edge certificate requested online with the cmdlet", "The {0} certificate cannot be requested with Request-CsCertificate online: Edge servers are not domain-joined; use 'certreq' or 'offline'",
        DiagnosticCategory.Policy, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePolicy policy, LyncTopology topology, ReportDiagnostic report)
    {
        foreach (var kind in new[] { CertificateKind.EdgeInternal, CertificateKind.EdgeExternal }.Select(policy.For))
        {
            if (kind.RequestMode.Value == RequestMode.Cmdlet)
            {
                report(kind.RequestMode.Location, kind.Kind.JsonName());
            }
        }
    }
}
