using CertBuildTasks.Diagnostics;
using CertBuildTasks.Generation;
using CertBuildTasks.Planning;

namespace CertBuildTasks.Rules.Generation;

/// <summary>
/// CBT4002: certreq reads INF files in the server's ANSI code page, so non-ASCII text in a subject,
/// friendly name, provider or template name would reach the CA altered.
/// </summary>
public sealed class NonAsciiRequestTextRule : GenerationRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT4002", "Non-ASCII text in a certificate request", "The policy setting '{0}' ('{1}') contains non-ASCII characters, which certreq INF files cannot carry reliably; use ASCII (e.g. transliterate accents)",
        DiagnosticCategory.Generation, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePlan plan, ReportDiagnostic report)
    {
        foreach (var (setting, value, location, inInf) in GeneratedText.Of(plan).DistinctBy(x => x.Setting))
        {
            if (inInf && !TextSafety.HasControlCharacter(value) && !TextSafety.IsAscii(value))
            {
                report(location, setting, value);
            }
        }
    }
}
