using CertBuildTasks.Diagnostics;
using CertBuildTasks.Planning;

namespace CertBuildTasks.Rules.Plan;

/// <summary>CBT2108: "each certificate friendly name must be unique in the computer store".</summary>
public sealed class DuplicateFriendlyNameRule : PlanRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT2108", "Friendly name not unique on a server", "The certificates '{0}' and '{1}' would both be named '{2}' on '{3}'; friendly names must be unique in the computer store. Add {{kind}} or {{subject}} to the friendlyName pattern",
        DiagnosticCategory.Plan, DiagnosticSeverity.Error);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePlan plan, ReportDiagnostic report)
    {
        var seen = new Dictionary<(string Server, string Name), PlannedCertificate>();
        foreach (var certificate in plan.Certificates)
        {
            foreach (var server in certificate.Servers)
            {
                var key = (server, certificate.FriendlyName.ToUpperInvariant());
                if (seen.TryGetValue(key, out var first))
                {
                    var location = plan.Policy.FriendlyNamePattern.Location;
                    report(location.IsNone ? certificate.Origin : location, first.Id, certificate.Id, certificate.FriendlyName, server);
                    break;
                }

                seen[key] = certificate;
            }
        }
    }
}
