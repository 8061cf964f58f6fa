using CertBuildTasks.Diagnostics;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;

namespace CertBuildTasks.Rules.Generation;

/// <summary>
/// CBT4006: Request-CsCertificate -KeySize accepts 1024, 2048 and 4096 only; a certificate requested
/// with the cmdlet cannot have another size (the policy warns about such sizes in general, CBT2002).
/// </summary>
public sealed class CmdletKeySizeRule : GenerationRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT4006", "Key size the cmdlet cannot request", "The {0} certificates are requested with Request-CsCertificate, whose -KeySize accepts 2048 or 4096 (and 1024), not {1}; change the key size or use requestMode 'certreq' or 'offline'",
        DiagnosticCategory.Generation, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePlan plan, ReportDiagnostic report)
    {
        foreach (var kind in plan.Certificates.Where(c => c.RequestMode == RequestMode.Cmdlet && c.KeySize is not (1024 or 2048 or 4096)).Select(c => c.Kind).Distinct())
        {
            var settings = plan.Policy.For(kind);
            report(settings.KeySize.Location, kind.JsonName(), settings.KeySize.Value);
        }
    }
}
