using CertBuildTasks.Planning;

namespace CertBuildTasks.Generation;

/// <summary>
/// What every script generator of one bundle shares, computed once per plan: the gate's thumbprints,
/// the certificates that need their friendly name to be told apart, the renewal window.
/// </summary>
internal sealed class ScriptContext
{
    public ScriptContext(CertificatePlan plan, string toolVersion, GenerationOptions options)
    {
        Plan = plan;
        ToolVersion = toolVersion;
        Options = options;
        Thumbprints = options.Thumbprints;
        TellApart = AmbiguousByNames(plan);
    }

    public CertificatePlan Plan { get; }

    public string ToolVersion { get; }

    public GenerationOptions Options { get; }

    public IReadOnlyDictionary<string, string> Thumbprints { get; }

    public IReadOnlySet<string> TellApart { get; }

    /// <summary>The policy's expiryWarningDays: a certificate ending within it is replaced, not served.</summary>
    public int RenewWithinDays => Plan.Policy.ExpiryWarningDays.Value;

    public ScriptWriter NewScript() => new() { IssuedThumbprints = Thumbprints, TellApartByFriendlyName = TellApart };

    /// <summary>
    /// Certificates that a lookup by subject and names could confuse with another certificate installed
    /// on the same server: the other has the same subject and at least all of its names.
    /// </summary>
    private static HashSet<string> AmbiguousByNames(CertificatePlan plan)
    {
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in plan.Certificates.Where(c => !c.Servers.IsEmpty).GroupBy(c => (c.SubjectName, c.Servers[0])))
        {
            var list = group.ToList();
            foreach (var c in list)
            {
                if (list.Any(o => !ReferenceEquals(o, c) && !c.SanNames.Except(o.SanNames).Any()))
                {
                    ambiguous.Add(c.Id);
                }
            }
        }

        return ambiguous;
    }
}
