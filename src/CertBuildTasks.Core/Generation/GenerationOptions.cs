using CertBuildTasks.Deployed;
using CertBuildTasks.Issued;

namespace CertBuildTasks.Generation;

/// <summary>What generation needs besides the plan.</summary>
/// <param name="CentralKeys">Ids of certificates whose key the build generates (CertGenerateCsr).</param>
/// <param name="Issued">Issued certificates that passed the gate, by planned certificate id.</param>
public sealed record GenerationOptions(IReadOnlySet<string> CentralKeys, IReadOnlyDictionary<string, IssuedRecord> Issued)
{
    public static readonly GenerationOptions None = new(new HashSet<string>(), new Dictionary<string, IssuedRecord>());

    /// <summary>The certificates in service (CertCheckDeployed), for the renewal scripts.</summary>
    public IReadOnlyList<DeployedCertificate> Deployed { get; init; } = [];

    public IReadOnlyDictionary<string, string> Thumbprints => Issued.ToDictionary(p => p.Key, p => p.Value.Thumbprint, StringComparer.Ordinal);

}
