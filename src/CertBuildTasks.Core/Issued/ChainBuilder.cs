using System.Security.Cryptography.X509Certificates;

namespace CertBuildTasks.Issued;

/// <summary>
/// Builds chains offline: only the given roots are trusted, intermediates come from the given files,
/// nothing is downloaded, revocation is not fetched, and the time is CertValidationTime. Time problems
/// are left to the validity rules, so they are reported once. The platform decides every chain: a
/// gate does not re-implement part of path validation (name constraints, path length, policies, CA
/// validity) to be faster; the stage builds chains in parallel instead.
/// </summary>
public sealed class ChainBuilder(IReadOnlyList<TrustedRoot> roots, IReadOnlyList<LoadedCertificate> intermediates, DateTimeOffset validationTime)
{
    // Classified once: which given certificates anchor trust and which only help build the path.
    private readonly X509Certificate2[] _anchors = [.. roots.Where(r => r.Loaded.IsSelfSigned).Select(r => r.Loaded.Certificate)];
    private readonly X509Certificate2[] _helpers = [.. roots.Where(r => !r.Loaded.IsSelfSigned).Select(r => r.Loaded).Concat(intermediates).Select(c => c.Certificate)];

    // The leaf's own time and usage are judged by CBT3111/CBT3107; for the CAs above it they are chain problems.
    private const X509ChainStatusFlags LeafOwnFlags = X509ChainStatusFlags.NotTimeValid | X509ChainStatusFlags.NotTimeNested | X509ChainStatusFlags.NotValidForUsage;

    /// <returns>The problems, the trusted root the chain ends in, and the CA certificates above the leaf (DER).</returns>
    public (IReadOnlyList<string> Problems, TrustedRoot? Root, IReadOnlyList<byte[]> Path) Build(LoadedCertificate leaf)
    {
        var (problems, elements) = BuildWithPlatform(leaf.Certificate);
        try
        {
            var top = elements.Count > 0 ? elements[^1] : null;
            var root = top is null ? null : roots.FirstOrDefault(r => r.Loaded.Certificate.RawData.AsSpan().SequenceEqual(top.RawData));
            return (problems, problems.Count == 0 ? root : null, [.. elements.Skip(1).Select(e => e.RawData)]);
        }
        finally
        {
            // The platform makes new certificate objects for every chain (OpenSSL handles): 10,000 chains
            // would otherwise leave them all to the finalizer.
            foreach (var element in elements)
            {
                element.Dispose();
            }
        }
    }

    private (List<string> Problems, IReadOnlyList<X509Certificate2> Elements) BuildWithPlatform(X509Certificate2 leaf)
    {
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = validationTime.UtcDateTime;
        policy.CustomTrustStore.AddRange(_anchors);
        policy.ExtraStore.AddRange(_helpers);
        policy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.1")); // a CA restricted to other usages fails

        chain.Build(leaf);
        var problems = new List<string>();
        for (var i = 0; i < chain.ChainElements.Count; i++)
        {
            var element = chain.ChainElements[i];
            foreach (var status in element.ChainElementStatus)
            {
                var flags = i == 0 ? status.Status & ~LeafOwnFlags : status.Status;
                if (i > 0 && !RestrictsAwayFromServerAuthentication(element.Certificate))
                {
                    // Usage failures propagate up the chain; only a CA whose own EKUs exclude server
                    // authentication is at fault (the leaf's EKUs are CBT3107's business).
                    flags &= ~X509ChainStatusFlags.NotValidForUsage;
                }
                if (flags != X509ChainStatusFlags.NoError)
                {
                    var who = i == 0 ? string.Empty : $"{element.Certificate.Subject}: ";
                    problems.Add(who + flags + (string.IsNullOrWhiteSpace(status.StatusInformation) ? string.Empty : " (" + status.StatusInformation.Trim() + ")"));
                }
            }
        }

        // A name constraint refusal names the CA that limits the names and the leaf's names it does not allow.
        if (chain.ChainStatus.Any(s => (s.Status & NameConstraints.Flags) != 0))
        {
            var names = CertificateFacts.DnsNames(leaf).Append(CertificateFacts.CommonName(leaf)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            foreach (var ca in chain.ChainElements.Cast<X509ChainElement>().Skip(1).Select(e => e.Certificate))
            {
                if (NameConstraints.Of(ca) is { } constraints && constraints.Outside(names) is { Count: > 0 } outside)
                {
                    problems.Add($"the CA '{ca.Subject}' may certify {constraints.Describe()} (name constraints), and the certificate names {string.Join(", ", outside)}");
                }
            }
        }

        // A chain that stops short has no element status for the missing issuer; the chain status says so.
        foreach (var status in chain.ChainStatus.Where(s => s.Status.HasFlag(X509ChainStatusFlags.PartialChain)))
        {
            problems.Add(status.Status + (string.IsNullOrWhiteSpace(status.StatusInformation) ? string.Empty : " (" + status.StatusInformation.Trim() + ")"));
        }

        return ([.. problems.Distinct()], [.. chain.ChainElements.Select(e => e.Certificate)]);
    }

    private static bool RestrictsAwayFromServerAuthentication(X509Certificate2 certificate) =>
        CertificateFacts.EnhancedKeyUsages(certificate) is { } ekus &&
        !ekus.Contains("1.3.6.1.5.5.7.3.1") && !ekus.Contains("2.5.29.37.0");
}
