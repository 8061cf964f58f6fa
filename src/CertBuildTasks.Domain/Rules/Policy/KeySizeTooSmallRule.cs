using CertBuildTasks.Diagnostics;
using CertBuildTasks.Policy;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Policy;

/// <summary>
/// CBT2001: RSA keys below 2048 bits (1024 is the classic) are refused. Lync accepts 1024 but every
/// current guidance requires 2048; the OAuth certificate's own key size is CBT2005.
/// </summary>
public sealed class KeySizeTooSmallRule : PolicyRule
{
    public const int Minimum = 2048;

    public static readonly DiagnosticDescriptor Rule = new(
        "CBT2001", "Key size below 2048 bits", "The key size {0} of {1} is below {2} bits; use 2048 or 4096",
        DiagnosticCategory.Policy, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePolicy policy, LyncTopology topology, ReportDiagnostic report)
    {
        if (policy.KeySize.Value < Minimum)
        {
            report(policy.KeySize.Location, policy.KeySize.Value, "the policy ('keySize')", Minimum);
        }

        foreach (var kind in policy.Kinds.Values.Where(k => k.KeySizeIsOwn && k.Kind != CertificateKind.OAuthTokenIssuer).OrderBy(k => k.Kind))
        {
            if (kind.KeySize.Value < Minimum)
            {
                report(kind.KeySize.Location, kind.KeySize.Value, $"the {kind.Kind.JsonName()} certificates", Minimum);
            }
        }
    }
}
