using CertBuildTasks.Deployed;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Generation;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;

namespace CertBuildTasks.Bundle;

/// <summary>
/// What report.html is made from, all of it computed by earlier stages: the plan (absent when the
/// inputs were refused), every stage's findings, the certificates that passed the gate, those in
/// service, and the generated runbooks (their steps are shown as they are written there).
/// </summary>
/// <param name="ProjectName">The project's name: the report's title, so two estates' reports are told apart.</param>
/// <param name="AsOf">The build's instant (CertValidationTime): days left and the today marker are counted from it.</param>
/// <param name="Failed">True for the report of a failed build (written beside the SARIF log, never into a bundle).</param>
/// <param name="HelpBase">Where the rule pages are published, when they are on the web: each rule then links to its page too.</param>
public sealed record ReportContent(
    string ProjectName,
    DateTimeOffset AsOf,
    CertificatePlan? Plan,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyDictionary<string, IssuedRecord> Issued,
    IReadOnlyList<DeployedCertificate> Deployed,
    IReadOnlyList<GeneratedFile> Generated,
    string ProjectDirectory,
    string ToolVersion,
    bool Failed = false,
    Uri? HelpBase = null)
{
    /// <summary>The warning window of the policy (expiryWarningDays): a certificate inside it is due for renewal.</summary>
    public int RenewalWindowDays => Plan?.Policy.ExpiryWarningDays.Value ?? Policy.PolicyDefaults.ExpiryWarningDays;
}
