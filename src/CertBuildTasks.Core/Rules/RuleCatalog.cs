using CertBuildTasks.Diagnostics;
using CertBuildTasks.Input;
using CertBuildTasks.Planning;
using CertBuildTasks.Rules.Plan;
using CertBuildTasks.Rules.Policy;
using CertBuildTasks.Rules.Topology;

namespace CertBuildTasks.Rules;

/// <summary>
/// Every rule of the product, listed by hand (no reflection: explicit is easier to review).
/// docs/rules/RuleCatalog.md mirrors it; a test keeps the two and the doc pages in step.
/// </summary>
public static class RuleCatalog
{
    public static IReadOnlyList<TopologyRule> TopologyRules => ValidationRules.TopologyRules;

    public static IReadOnlyList<PolicyRule> PolicyRules => ValidationRules.PolicyRules;

    public static IReadOnlyList<PlanRule> PlanRules => ValidationRules.PlanRules;

    public static IReadOnlyList<GenerationRule> GenerationRules { get; } =
    [
        new Generation.UnsafeTextRule(),
        new Generation.NonAsciiRequestTextRule(),
        new Generation.CmdletKeySizeRule(),
        new Generation.BundleNameRule(),
        new Generation.TextPlacementRule(),
    ];

    public static IReadOnlyList<IssuedRule> IssuedRules { get; } =
    [
        new Issued.WeakSignatureRule(),
        new Issued.WeakChainSignatureRule(),
        new Issued.WeakKeyRule(),
        new Issued.WeakChainKeyRule(),
        new Issued.LdapOnlyLocationsRule(),
        new Issued.SubjectDiffersRule(),
        new Issued.RequiredSanMissingRule(),
        new Issued.ExtraSansRule(),
        new Issued.UnplannedWildcardRule(),
        new Issued.ServerAuthenticationMissingRule(),
        new Issued.ClientAuthenticationMissingRule(),
        new Issued.KeyUsageRule(),
        new Issued.CrlDistributionPointMissingRule(),
        new Issued.NotTimeValidRule(),
        new Issued.ExpiresSoonRule(),
        new Issued.ChainNotTrustedRule(),
        new Issued.AuthorityMismatchRule(),
        new Issued.SelfSignedRule(),
        new Issued.CertificateAuthorityRule(),
    ];

    public static IReadOnlyList<DeployedRule> DeployedRules { get; } =
    [
        new Deployed.DeployedExpiredRule(),
        new Deployed.DeployedExpiresSoonRule(),
        new Deployed.DeployedSanMissingRule(),
        new Deployed.DeployedUsageUnplannedRule(),
        new Deployed.OAuthCertificateDiffersRule(),
        new Deployed.EdgeAudioVideoDiffersRule(),
        new Deployed.DeployedWeakCryptoRule(),
    ];

    /// <summary>Every descriptor, ordered by ID: input, topology, policy, plan, issued, deployed, generation, internal.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> AllDescriptors { get; } =
        [.. ValidationRules.Descriptors
            .Concat(CertBuildTasks.Issued.IssuedDiagnostics.All)
            .Concat(IssuedRules.Select(r => r.Descriptor))
            .Concat(CertBuildTasks.Deployed.DeployedDiagnostics.All)
            .Concat(DeployedRules.Select(r => r.Descriptor))
            .Concat(GenerationRules.Select(r => r.Descriptor))
            .Concat(Csr.CsrDiagnostics.All)
            .Concat(IO.OutputDiagnostics.All)
            .OrderBy(d => d.Id, StringComparer.Ordinal)];

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = AllDescriptors.ToDictionary(d => d.Id, StringComparer.Ordinal);

    public static DiagnosticDescriptor? Find(string id) => ById.GetValueOrDefault(id);
}
