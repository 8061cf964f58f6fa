using CertBuildTasks.Policy;

namespace CertBuildTasks.Generation;

/// <summary>
/// The subject as CertStrToName reads it: "CN=…, OU=…, O=…, L=…, S=…, C=…". An RDN value with a
/// separator or special character is quoted, with embedded quotes doubled (CertStrToName's rule).
/// A '+' would start a multi-valued RDN; <see cref="NeedsNoPlusFlag"/> tells the INF to set
/// X500NameFlags = CERT_NAME_STR_NO_PLUS_FLAG so the '+' stays text.
/// </summary>
public static class DistinguishedName
{
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(",=+<>#;\"\\");

    public static IEnumerable<(string Key, string Value)> Components(string commonName, SubjectRdns rdns)
    {
        yield return ("CN", commonName);
        if (rdns.OrganizationalUnit is { } ou)
        {
            yield return ("OU", ou.Value);
        }

        if (rdns.Organization is { } o)
        {
            yield return ("O", o.Value);
        }

        if (rdns.Locality is { } l)
        {
            yield return ("L", l.Value);
        }

        if (rdns.State is { } s)
        {
            yield return ("S", s.Value);
        }

        if (rdns.Country is { } c)
        {
            yield return ("C", c.Value);
        }
    }

    public static string Format(string commonName, SubjectRdns rdns) =>
        string.Join(", ", Components(commonName, rdns).Select(c => c.Key + "=" + QuoteValue(c.Value)));

    public static bool NeedsNoPlusFlag(string commonName, SubjectRdns rdns) =>
        Components(commonName, rdns).Any(c => c.Value.Contains('+', StringComparison.Ordinal));

    public static string QuoteValue(string value) =>
        value.AsSpan().IndexOfAny(Special) >= 0 || value != value.Trim()
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
