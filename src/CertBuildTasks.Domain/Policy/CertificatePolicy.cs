using System.Collections.Immutable;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Policy;

/// <summary>
/// How the certificates are requested. Every value is known (defaults filled in); <see cref="Defaulted"/>
/// names the settings that took a default so the build can report them (CBT2000) instead of hiding them.
/// </summary>
public sealed record CertificatePolicy(
    string SourcePath,
    Located<int> KeySize,
    Located<string> KeyAlgorithm,
    Located<string> CryptoProvider,
    Located<string> HashAlgorithm,
    Located<string>? InternalCaConfig,
    Located<string>? PublicCaName,
    SubjectRdns Subject,
    Located<string> FriendlyNamePattern,
    Located<WebServicesLayout> WebServicesLayout,
    Located<AudioVideoLayout> AudioVideoLayout,
    Located<bool> WildcardSimpleUrls,
    Located<bool> PublicImConnectivity,
    Located<int> ExpiryWarningDays,
    ImmutableDictionary<CertificateKind, KindPolicy> Kinds,
    ImmutableArray<string> Defaulted,
    SourceLocation Location)
{
    public bool IsBuiltIn => SourcePath.Length == 0;

    public KindPolicy For(CertificateKind kind) => Kinds[kind];
}
