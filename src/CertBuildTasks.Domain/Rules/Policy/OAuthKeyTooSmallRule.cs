using CertBuildTasks.Diagnostics;
using CertBuildTasks.Policy;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Policy;

/// <summary>CBT2005: the OAuthTokenIssuer certificate must have at least a 2048-bit key (server-to-server authentication page).</summary>
public sealed class OAuthKeyTooSmallRule : PolicyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT2005", "OAuthTokenIssuer key below 2048 bits", "The OAuthTokenIssuer certificate's key size {0} is below 2048 bits, which server-to-server authentication requires",
        DiagnosticCategory.Policy, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePolicy policy, LyncTopology topology, ReportDiagnostic report)
    {
        var oauth = policy.For(CertificateKind.OAuthTokenIssuer);
        if (oauth.KeySizeIsOwn && oauth.KeySize.Value < KeySizeTooSmallRule.Minimum)
        {
            report(oauth.KeySize.Location, oauth.KeySize.Value);
        }
    }
}
