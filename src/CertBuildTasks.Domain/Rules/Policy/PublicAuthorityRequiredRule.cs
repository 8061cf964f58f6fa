using CertBuildTasks.Diagnostics;
using CertBuildTasks.Policy;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Policy;

/// <summary>
/// CBT2011: the Edge external and reverse proxy certificates are presented to clients and federation
/// partners outside the organisation, which do not trust its internal CA (decisions 7 and 9).
/// </summary>
public sealed class PublicAuthorityRequiredRule : PolicyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT2011", "External certificate from the internal CA", "The {0} certificate must come from a public CA: {1}",
        DiagnosticCategory.Policy, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePolicy policy, LyncTopology topology, ReportDiagnostic report)
    {
        Check(policy.For(CertificateKind.EdgeExternal), "remote users, federated partners and public IM providers validate it without the internal root", report);
        Check(policy.For(CertificateKind.ReverseProxy), "mobile and remote clients reach the published web services without the internal root", report);
    }

    private static void Check(KindPolicy kind, string why, ReportDiagnostic report)
    {
        if (kind.Authority.Value == AuthorityKind.Internal)
        {
            report(kind.Authority.Location, kind.Kind.JsonName(), why);
        }
    }
}
