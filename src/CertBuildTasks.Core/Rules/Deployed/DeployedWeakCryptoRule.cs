using CertBuildTasks.Deployed;
using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Rules.Deployed;

/// <summary>
/// CBT5007: a certificate in service was issued before today's policy: its RSA key is smaller than the
/// plan asks for, or it is signed with SHA-1 or MD5. Checked when the input carries key size and
/// signature algorithm (certificate files always do).
/// </summary>
public sealed class DeployedWeakCryptoRule : DeployedRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT5007", "Deployed certificate below the policy's key or digest",
        "The certificate {0} on '{1}' for {2} has {3}; the plan '{4}' asks for {5}; replace it at renewal",
        DiagnosticCategory.Deployed, DiagnosticSeverity.Warning);

    /// <summary>SHA-1, MD5 and MD2 signatures (RSA, DSA, ECDSA), by OID or by name.</summary>
    private static readonly string[] WeakSignatures =
        ["1.2.840.113549.1.1.5", "1.2.840.113549.1.1.4", "1.2.840.113549.1.1.2", "1.2.840.10040.4.3", "1.2.840.10045.4.1", "sha1", "md5", "md2"];

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(DeployedSet deployed, ReportDiagnostic report)
    {
        foreach (var d in deployed.Deployed)
        {
            var planned = d.Usages.Select(u => deployed.PlannedFor(d.Server, u)).FirstOrDefault(p => p is not null);
            if (planned is null)
            {
                continue;
            }

            var usages = string.Join(", ", d.Usages);
            if (d.KeySize is { } size && size < planned.KeySize)
            {
                report(d.Location, d.Thumbprint, d.Server, usages, $"a {size}-bit key", planned.Id, $"{planned.KeySize} bits");
            }

            if (d.SignatureAlgorithm is { } signature && WeakSignatures.Any(w => signature.Equals(w, StringComparison.OrdinalIgnoreCase) || (w.Length < 8 && signature.Contains(w, StringComparison.OrdinalIgnoreCase))))
            {
                report(d.Location, d.Thumbprint, d.Server, usages, $"a {signature} signature", planned.Id, planned.HashAlgorithm);
            }
        }
    }
}
