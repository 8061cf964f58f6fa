using CertBuildTasks.Diagnostics;
using CertBuildTasks.Policy;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Policy;

/// <summary>
/// CBT2006: the Edge external (A/V authentication) key and the OAuthTokenIssuer key must be exportable:
/// every Edge pool member needs the same key, and the CMS replicates the OAuth certificate.
/// </summary>
public sealed class KeyMustBeExportableRule : PolicyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT2006", "Key must be exportable", "The {0} certificate's private key must be exportable: {1}",
        DiagnosticCategory.Policy, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePolicy policy, LyncTopology topology, ReportDiagnostic report)
    {
        Check(policy.For(CertificateKind.EdgeExternal), "the A/V authentication key must be the same on every Edge pool member, and must be exportable even on a single Edge", report);
        Check(policy.For(CertificateKind.OAuthTokenIssuer), "it is a global certificate that the Central Management Store replicates to every Front End", report);
    }

    private static void Check(KindPolicy kind, string why, ReportDiagnostic report)
    {
        if (kind.Exportable is { Value: false } exportable)
        {
            report(exportable.Location, kind.Kind.JsonName(), why);
        }
    }
}
