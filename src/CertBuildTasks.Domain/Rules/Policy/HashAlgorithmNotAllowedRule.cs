using CertBuildTasks.Diagnostics;
using CertBuildTasks.Policy;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Policy;

/// <summary>
/// CBT2003: requests are signed with SHA-256, SHA-384 or SHA-512. certreq and .NET offer no SHA-224
/// request, and SHA-1/MD5 are the outage this tool exists to prevent.
/// </summary>
public sealed class HashAlgorithmNotAllowedRule : PolicyRule
{
    public static readonly IReadOnlyList<string> Allowed = ["SHA256", "SHA384", "SHA512"];

    public static readonly DiagnosticDescriptor Rule = new(
        "CBT2003", "Request digest not SHA-256/384/512", "The hash algorithm '{0}' is not allowed; use SHA256, SHA384 or SHA512",
        DiagnosticCategory.Policy, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePolicy policy, LyncTopology topology, ReportDiagnostic report)
    {
        if (!Allowed.Contains(HashAlgorithms.Normalize(policy.HashAlgorithm.Value)))
        {
            report(policy.HashAlgorithm.Location, policy.HashAlgorithm.Value);
        }
    }
}
