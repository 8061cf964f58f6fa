using System.Text.RegularExpressions;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Generation;
using CertBuildTasks.Planning;

namespace CertBuildTasks.Rules.Generation;

/// <summary>
/// CBT4009: the one check every value passes for the place it is written into, whatever the severity
/// configuration says of the rules that judge the same value (CBT2003 for the digest, CBT2101 for a
/// SAN, CBT2010 for the CA config can be turned off): a value written bare into an INF (the digest) is
/// a token; every DNS name that becomes a SAN entry, a subject or a -DomainName item is an LDH name; the
/// CA config, which becomes a certreq argument and a command in the runbook, holds nothing Windows
/// PowerShell 3.0–5.1 or cmd would read as syntax (", `, $, %, a final \); and no text anywhere holds a
/// bidirectional control, which makes a script or runbook read differently from what it does.
/// </summary>
public sealed partial class TextPlacementRule : GenerationRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT4009", "Value cannot be written where it goes", "The {0} '{1}' cannot be written into {2}: {3}",
        DiagnosticCategory.Generation, DiagnosticSeverity.Error, IsConfigurable: false);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePlan plan, ReportDiagnostic report)
    {
        foreach (var (setting, value, location, _) in GeneratedText.Of(plan).DistinctBy(x => x.Setting))
        {
            if (TextSafety.BidiControl(value) is { } bidi)
            {
                report(location, "policy setting " + setting, value, "the generated INF files, scripts and runbooks", $"it holds the bidirectional control U+{(int)bidi:X4}, which makes text read differently from what it does");
            }
        }

        if (!Token().IsMatch(plan.Policy.HashAlgorithm.Value))
        {
            report(plan.Policy.HashAlgorithm.Location, "policy setting hashAlgorithm", plan.Policy.HashAlgorithm.Value, "the INF's HashAlgorithm line", "it is not one word of letters and digits");
        }

        if (plan.Policy.InternalCaConfig is { } config && CommandLineProblem(config.Value) is { } problem)
        {
            report(config.Location, "policy setting certificateAuthorities.internal.config", config.Value, "a certreq -config argument", problem);
        }

        foreach (var c in plan.Certificates)
        {
            foreach (var name in c.SanNames.Prepend(c.SubjectName).Distinct(StringComparer.Ordinal).Where(n => !DnsName().IsMatch(n)))
            {
                report(c.Origin, "name", name, $"the request of {c.Id} (INF, CSR, -DomainName)", "only letters, digits, hyphens and dots (and a leading '*.') can be written there");
            }
        }
    }

    /// <summary>Why a value cannot be one argument of a native command in Windows PowerShell 3.0–5.1 and in cmd, or null.</summary>
    public static string? CommandLineProblem(string value)
    {
        if (value.IndexOfAny(['"', '`', '$', '%']) is var i and >= 0)
        {
            return $"it holds '{value[i]}', which Windows PowerShell 3.0–5.1 or cmd would read as syntax in a command line";
        }

        return value.EndsWith('\\') ? "it ends with '\\', which would escape the closing quote of the argument" : null;
    }


    [GeneratedRegex(@"\A[A-Za-z0-9]{1,32}\z")]
    private static partial Regex Token();

    [GeneratedRegex(@"\A(\*\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\z")]
    private static partial Regex DnsName();
}
