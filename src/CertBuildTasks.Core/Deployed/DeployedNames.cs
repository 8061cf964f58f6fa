using CertBuildTasks.Naming;

namespace CertBuildTasks.Deployed;

/// <summary>How a certificate in service is matched to planned names (the SAN rule and the report agree).</summary>
public static class DeployedNames
{
    /// <summary>
    /// The names a certificate answers to: its DNS SANs and its subject CN (an Edge internal or OAuth
    /// certificate with the name only in the subject is valid).
    /// </summary>
    public static HashSet<string> Of(DeployedCertificate d)
    {
        var names = d.DnsNames.ToHashSet(DnsName.Comparer);
        if (d.SubjectName.Length > 0)
        {
            names.Add(d.SubjectName);
        }

        return names;
    }

    /// <summary>Exact, or a deployed wildcard covering exactly one label, as in TLS.</summary>
    public static bool Covered(string name, HashSet<string> names)
    {
        if (names.Contains(name))
        {
            return true;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return !DnsName.IsWildcard(name) && dot > 0 && names.Contains("*" + name[dot..]);
    }
}
