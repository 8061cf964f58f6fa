using CertBuildTasks.Diagnostics;
using CertBuildTasks.Policy;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Policy;

/// <summary>
/// CBT2004: Lync/SfB needs RSA keys in a legacy CryptoAPI CSP. ECDH keys and CNG/KSP providers fail
/// at assignment ("The buffer supplied to a function was too small").
/// </summary>
public sealed class KeyAlgorithmNotRsaCspRule : PolicyRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT2004", "Key is not RSA in a legacy CSP", "{0} '{1}' breaks Lync/SfB: {2}",
        DiagnosticCategory.Policy, DiagnosticSeverity.Error);

    private static readonly string[] CngMarkers = ["Key Storage Provider", "KSP", "CNG", "Platform Crypto Provider", "Smart Card Key Storage"];

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePolicy policy, LyncTopology topology, ReportDiagnostic report)
    {
        if (!policy.KeyAlgorithm.Value.Equals("RSA", StringComparison.OrdinalIgnoreCase))
        {
            report(policy.KeyAlgorithm.Location, "The key algorithm", policy.KeyAlgorithm.Value, "only RSA keys are supported (ECDH/ECDSA keys need CNG, which Lync cannot use)");
        }

        var provider = policy.CryptoProvider.Value;
        if (CngMarkers.Any(m => provider.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            report(policy.CryptoProvider.Location, "The provider", provider, "it is a CNG key storage provider; use a legacy CSP such as 'Microsoft RSA SChannel Cryptographic Provider'");
        }
    }
}
