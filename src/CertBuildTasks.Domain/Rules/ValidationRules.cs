using CertBuildTasks.Diagnostics;
using CertBuildTasks.Input;
using CertBuildTasks.Planning;
using CertBuildTasks.Rules.Plan;
using CertBuildTasks.Rules.Policy;
using CertBuildTasks.Rules.Topology;

namespace CertBuildTasks.Rules;

/// <summary>
/// The rules that judge what the admin wrote (topology, overrides, policy) and the plan made from it:
/// everything the analyzer can report while the admin types. Listed by hand (no reflection: explicit is
/// easier to review); RuleCatalog in Core adds the certificate and output rules.
/// </summary>
public static class ValidationRules
{
    public static IReadOnlyList<TopologyRule> TopologyRules { get; } =
    [
        new DuplicateFqdnRule(),
        new InvalidDnsNameRule(),
        new ServerInTwoPoolsRule(),
        new PoolWithoutServersRule(),
        new ExternalWebFqdnNotUniqueRule(),
        new DirectorExternalWebFqdnRule(),
        new SipDomainWithoutMeetUrlRule(),
        new SimpleUrlInvalidRule(),
        new InternalWebOverrideOnStandardEditionRule(),
        new EdgeExternalFqdnMissingRule(),
        new XmppOnSfB2019Rule(),
        new PersistentChatOnSfB2019Rule(),
        new StrictDnsSignInPoolUnknownRule(),
        new DuplicateSipDomainRule(),
        new MeetUrlForUnknownDomainRule(),
        new SettingIgnoredForRoleRule(),
        new StandardEditionServerMismatchRule(),
        new ServerNameNotAFileNameRule(),
        new ReverseProxyMissingRule(),
        new PoolTooLargeRule(),
        new TopologyBeyondLimitsRule(),
    ];

    public static IReadOnlyList<PolicyRule> PolicyRules { get; } =
    [
        new PolicyDefaultsAppliedRule(),
        new KeySizeTooSmallRule(),
        new KeySizeUnusualRule(),
        new HashAlgorithmNotAllowedRule(),
        new KeyAlgorithmNotRsaCspRule(),
        new OAuthKeyTooSmallRule(),
        new KeyMustBeExportableRule(),
        new PublicCaOnlineRequestRule(),
        new EdgeCmdletRequestRule(),
        new CertreqWithoutCaConfigRule(),
        new CaConfigMalformedRule(),
        new PublicAuthorityRequiredRule(),
    ];

    public static IReadOnlyList<PlanRule> PlanRules { get; } =
    [
        new SanNameInvalidRule(),
        new TooManySansRule(),
        new SubjectRequiredTwiceRule(),
        new WildcardSubjectRule(),
        new WildcardOnDefaultUsageRule(),
        new WildcardNotAllowedRule(),
        new InternalNameOnPublicCertificateRule(),
        new DuplicateFriendlyNameRule(),
    ];

    /// <summary>Every descriptor these stages can report (input, topology, policy, plan, internal), ordered by ID.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } =
        InputDiagnostics.All
            .Concat(TopologyRules.Select(r => r.Descriptor))
            .Concat(PolicyRules.Select(r => r.Descriptor))
            .Concat(PlanDiagnostics.All)
            .Concat(PlanRules.Select(r => r.Descriptor))
            .Concat(InternalDiagnostics.All)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
}
