using CertBuildTasks.Deployed;
using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Rules.Deployed;

/// <summary>
/// CBT5005: the OAuthTokenIssuer certificate is global: every Front End must hold the same one. Two
/// thumbprints mean server-to-server authentication (Exchange, SharePoint) fails on some servers.
/// </summary>
public sealed class OAuthCertificateDiffersRule : DeployedRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT5005", "OAuthTokenIssuer certificate not the same everywhere",
        "The OAuthTokenIssuer certificate on '{0}' is {1}, but on '{2}' it is {3}; the OAuth certificate is global and must be the same on every server (assign it once with Set-CsCertificate -Type OAuthTokenIssuer)",
        DiagnosticCategory.Deployed, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(DeployedSet deployed, ReportDiagnostic report)
    {
        var oauth = deployed.Deployed.Where(d => d.Usages.Contains("OAuthTokenIssuer", StringComparer.OrdinalIgnoreCase)).ToList();
        if (oauth.Count == 0)
        {
            return;
        }

        var first = oauth[0];
        foreach (var other in oauth.Skip(1).Where(o => o.Thumbprint != first.Thumbprint))
        {
            report(other.Location, other.Server, other.Thumbprint, first.Server, first.Thumbprint);
        }
    }
}
