using CertBuildTasks.Diagnostics;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Rules.Generation;

/// <summary>The policy texts that land in generated INF files and scripts, each with where it was written.</summary>
internal static class GeneratedText
{
    /// <summary>(setting name, value, location, goes into an INF)</summary>
    public static IEnumerable<(string Setting, string Value, SourceLocation Location, bool InInf)> Of(CertificatePlan plan)
    {
        var policy = plan.Policy;
        IEnumerable<(string, Located<string>?, bool)> fields =
        [
            ("subject.organization", policy.Subject.Organization, true),
            ("subject.organizationalUnit", policy.Subject.OrganizationalUnit, true),
            ("subject.locality", policy.Subject.Locality, true),
            ("subject.state", policy.Subject.State, true),
            ("subject.country", policy.Subject.Country, true),
            ("friendlyName", policy.FriendlyNamePattern, true),
            ("cryptoProvider", policy.CryptoProvider, true),
            ("hashAlgorithm", policy.HashAlgorithm, true),
            ("keyAlgorithm", policy.KeyAlgorithm, true),
            ("certificateAuthorities.internal.config", policy.InternalCaConfig, false),
            ("certificateAuthorities.public.name", policy.PublicCaName, false),
        ];
        foreach (var (setting, value, inInf) in fields)
        {
            if (value is not null)
            {
                yield return (setting, value.Value, value.Location, inInf);
            }
        }

        foreach (var kind in policy.Kinds.Values.DistinctBy(k => (k.Template.Value, k.Template.Location)))
        {
            yield return ($"template ({kind.Kind.JsonName()})", kind.Template.Value, kind.Template.Location, true);
        }
    }
}
