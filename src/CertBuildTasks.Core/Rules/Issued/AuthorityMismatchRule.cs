using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Policy;

namespace CertBuildTasks.Rules.Issued;

/// <summary>
/// CBT3115: a public-CA certificate was issued by the internal CA, or the reverse — judged only when the
/// root the chain ends in carries Authority metadata (otherwise CBT3010 says it was not judged).
/// </summary>
public sealed class AuthorityMismatchRule : IssuedRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT3115", "Issued by the wrong kind of CA", "The certificate {0} for '{1}' chains to the {2} root {3}, but the plan asks for a {4} CA",
        DiagnosticCategory.Issued, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(IssuedCheck check, ReportDiagnostic report)
    {
        if (check.ChainRoot is { Authority: { } authority } root && authority != check.Planned.CertificateAuthority)
        {
            report(check.Issued.Location, check.Issued.Display, check.Planned.Id, Name(authority), root.Loaded.Certificate.Subject, Name(check.Planned.CertificateAuthority));
        }
    }

    private static string Name(AuthorityKind kind) => kind == AuthorityKind.Public ? "public" : "internal";
}
