using System.Security.Cryptography.X509Certificates;

namespace CertBuildTasks.Issued;

/// <summary>
/// Builds chains offline: only the given roots are trusted, intermediates come from the given files,
/// nothing is downloaded, revocation is not fetched, and the time is CertValidationTime. Time problems
/// are left to the validity rules, so they are reported once.
/// </summary>
public sealed class ChainBuilder(IReadOnlyList<TrustedRoot> roots, IReadOnlyList<LoadedCertificate> intermediates, DateTimeOffset validationTime)
{
    // Classified once: which given certificates anchor trust and which only help build the path.
    private readonly X509Certificate2[] _anchors = [.. roots.Where(r => r.Loaded.IsSelfSigned).Select(r => r.Loaded.Certificate)];
    private readonly X509Certificate2[] _helpers = [.. roots.Where(r => !r.Loaded.IsSelfSigned).Select(r => r.Loaded).Concat(intermediates).Select(c => c.Certificate)];

    private const X509ChainStatusFlags TimeFlags = X509ChainStatusFlags.NotTimeValid | X509ChainStatusFlags.NotTimeNested;

    public (IReadOnlyList<string> Problems, TrustedRoot? Root) Build(LoadedCertificate leaf)
    {
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = validationTime.UtcDateTime;
        policy.CustomTrustStore.AddRange(_anchors);
        policy.ExtraStore.AddRange(_helpers);

        chain.Build(leaf.Certificate);
        var problems = chain.ChainStatus
            .Where(s => (s.Status & ~TimeFlags) != X509ChainStatusFlags.NoError)
            .Select(s => s.Status.ToString() + (string.IsNullOrWhiteSpace(s.StatusInformation) ? string.Empty : " (" + s.StatusInformation.Trim() + ")"))
            .Distinct()
            .ToList();
        var top = chain.ChainElements.Count > 0 ? chain.ChainElements[^1].Certificate : null;
        var root = top is null ? null : roots.FirstOrDefault(r => r.Loaded.Certificate.RawData.AsSpan().SequenceEqual(top.RawData));
        return (problems, problems.Count == 0 ? root : null);
    }
}
