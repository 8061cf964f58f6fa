using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;

namespace CertBuildTasks.Rules.Issued;

/// <summary>
/// CBT3120: the certificate, or a CA above it, publishes its CRL or issuer (AIA) locations only as
/// LDAP URLs, which only domain members can read, while machines outside the domain validate it: a
/// workgroup Edge or the reverse proxy for the internal CA's Front End and Director certificates,
/// external clients and federated partners for a public CA's. They fail the revocation check
/// (Lync/SfB "must" reach the CRL distribution point). A warning: the CA may also answer on HTTP.
/// </summary>
public sealed class LdapOnlyLocationsRule : IssuedRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT3120", "Revocation or issuer locations only in LDAP",
        "The certificate {0} for '{1}': the {2} only at LDAP locations ({3}); {4} cannot read Active Directory, so they cannot check it — publish an HTTP location too",
        DiagnosticCategory.Issued, DiagnosticSeverity.Warning);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(IssuedCheck check, ReportDiagnostic report)
    {
        if (check.ValidatedOutsideTheDomainBy is not { } who)
        {
            return;
        }

        var leaf = check.Issued.Certificate;
        Check("certificate lists its CRL distribution points", CertificateFacts.CrlUris(leaf));
        Check("certificate lists its issuer (AIA)", CertificateFacts.IssuerUris(leaf));
        foreach (var authority in check.Chain.Where(a => !a.IsSelfSigned))
        {
            Check($"CA certificate '{authority.Subject}' in the chain lists its CRL distribution points", authority.CrlUris);
            Check($"CA certificate '{authority.Subject}' in the chain lists its issuer (AIA)", authority.IssuerUris);
        }

        void Check(string what, IReadOnlyList<string> uris)
        {
            if (uris.Count > 0 && uris.All(IsLdap))
            {
                report(check.Issued.Location, check.Issued.Display, check.Planned.Id, what, string.Join(", ", uris.Take(3)), who);
            }
        }
    }

    private static bool IsLdap(string uri) => uri.StartsWith("ldap:", StringComparison.OrdinalIgnoreCase);
}
