using CertBuildTasks.Diagnostics;
using CertBuildTasks.Generation;
using CertBuildTasks.Planning;

namespace CertBuildTasks.Rules.Generation;

/// <summary>
/// CBT4001: a control character (newline, tab, NUL, …) in a policy text would end an INF line or a
/// script statement — the way an injected INF key or command would start. Such text is refused;
/// everything else is escaped for its target.
/// </summary>
public sealed class UnsafeTextRule : GenerationRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT4001", "Text cannot be written safely", "The policy setting '{0}' contains a control character (U+{1:X4}); it cannot be written into a certreq INF or a script",
        DiagnosticCategory.Generation, DiagnosticSeverity.Error, IsConfigurable: false);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePlan plan, ReportDiagnostic report)
    {
        foreach (var (setting, value, location, _) in GeneratedText.Of(plan).DistinctBy(x => x.Setting))
        {
            if (TextSafety.HasControlCharacter(value))
            {
                var c = value.First(ch => char.IsControl(ch) || ch is '\u2028' or '\u2029' or '\u0085');
                report(location, setting, (int)c);
            }
        }
    }
}
