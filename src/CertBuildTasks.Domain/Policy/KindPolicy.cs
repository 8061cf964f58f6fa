using System.Collections.Immutable;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Policy;

/// <summary>
/// The effective settings of one certificate kind: its own values where the policy sets them, else
/// the global ones, else the built-in defaults. <see cref="Exportable"/> is null when the rule of the
/// kind decides (Edge internal: exportable only in multi-server pools). <see cref="AuthorityIsOwn"/> and
/// <see cref="RequestModeIsOwn"/> say whether the policy file set them, so the planner can choose per
/// certificate where the default depends on the topology (an Office Web Apps farm published outside).
/// </summary>
public sealed record KindPolicy(
    CertificateKind Kind,
    Located<AuthorityKind> Authority,
    bool AuthorityIsOwn,
    Located<RequestMode> RequestMode,
    bool RequestModeIsOwn,
    Located<bool>? Exportable,
    Located<int> KeySize,
    bool KeySizeIsOwn,
    Located<string> Template,
    ImmutableArray<Located<string>> AdditionalNames,
    SourceLocation Location);
