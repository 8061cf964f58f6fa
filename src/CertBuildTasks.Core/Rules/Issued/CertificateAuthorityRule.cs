using System.Security.Cryptography.X509Certificates;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;

namespace CertBuildTasks.Rules.Issued;

/// <summary>
/// CBT3121: an issued server certificate that is itself a CA (basic constraints CA:TRUE, or a key
/// usage that signs certificates or CRLs). Its key could issue a certificate for any name the chain
/// allows, and a CA's certificate in LocalMachine\My is not what a Lync server presents in TLS.
/// </summary>
public sealed class CertificateAuthorityRule : IssuedRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT3121", "Server certificate is a CA",
        "The certificate {0} for '{1}' is a certification authority ({2}); a server certificate must not be able to issue certificates — ask the CA to issue it with the server template",
        DiagnosticCategory.Issued, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(IssuedCheck check, ReportDiagnostic report)
    {
        var why = new List<string>();
        if (check.Issued.IsCertificateAuthority)
        {
            why.Add("basic constraints CA:TRUE");
        }

        if (CertificateFacts.KeyUsage(check.Issued.Certificate) is { } usage && (usage & (X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign)) != 0)
        {
            why.Add("key usage " + (usage & (X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign)));
        }

        if (why.Count > 0)
        {
            report(check.Issued.Location, check.Issued.Display, check.Planned.Id, string.Join(", ", why));
        }
    }
}
