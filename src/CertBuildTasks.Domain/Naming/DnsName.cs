using System.Net;

namespace CertBuildTasks.Naming;

/// <summary>
/// The name rules Lync/SfB certificates live by (PRODUCT.md decision 13): FQDNs of letters, digits
/// and hyphens; labels of at most 63 characters; at most 253 in all; no underscore, no IDN, no
/// single-label names, no IP addresses.
/// </summary>
public static class DnsName
{
    public const int MaxLength = 253;
    public const int MaxLabelLength = 63;

    private static readonly string[] InternalOnlySuffixes = [".local", ".lan", ".corp", ".internal", ".localdomain", ".intranet", ".home", ".private"];

    /// <summary>Why <paramref name="name"/> is not an acceptable FQDN, or null when it is.</summary>
    /// <param name="allowWildcard">Accept a leading "*." label (SAN entries only, never subjects).</param>
    public static string? Problem(string name, bool allowWildcard = false)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "the name is empty";
        }

        var body = allowWildcard && name.StartsWith("*.", StringComparison.Ordinal) ? name[2..] : name;
        if (IPAddress.TryParse(name, out _))
        {
            return "an IP address is not a DNS name";
        }

        if (name.Length > MaxLength)
        {
            return $"it is {name.Length} characters long; the limit is {MaxLength}";
        }

        foreach (var c in body)
        {
            if (c > 0x7F)
            {
                return "it contains a non-ASCII character (internationalized names are not supported by Lync/SfB)";
            }
        }

        if (body.Contains('_', StringComparison.Ordinal))
        {
            return "it contains an underscore, which Lync/SfB names may not have";
        }

        if (body.Contains('*', StringComparison.Ordinal))
        {
            return allowWildcard ? "a wildcard may only be the whole leftmost label (*.domain)" : "a wildcard is not allowed here";
        }

        var labels = body.Split('.');
        if (labels.Length < 2 && !(allowWildcard && body.Length < name.Length))
        {
            return "it is a single-label name, not a fully qualified domain name";
        }

        foreach (var label in labels)
        {
            if (label.Length == 0)
            {
                return "it has an empty label (two dots in a row, or a leading or trailing dot)";
            }

            if (label.Length > MaxLabelLength)
            {
                return $"the label '{label}' is {label.Length} characters long; the limit is {MaxLabelLength}";
            }

            if (label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase))
            {
                return $"the label '{label}' is an internationalized (punycode) label, which Lync/SfB does not support";
            }

            foreach (var c in label)
            {
                if (!(Ascii.IsLetterOrDigit(c) || c == '-'))
                {
                    return $"it contains the character '{c}'; only letters, digits and hyphens are allowed";
                }
            }

            if (label[0] == '-' || label[^1] == '-')
            {
                return $"the label '{label}' starts or ends with a hyphen";
            }
        }

        if (labels[^1].All(Ascii.IsDigit))
        {
            return "the top-level label is numeric";
        }

        return null;
    }

    /// <summary>Internal-only names that public CAs no longer issue for (CA/B Forum, 2015).</summary>
    public static bool IsInternalOnly(string name) =>
        IPAddress.TryParse(name, out _) ||
        !name.Contains('.', StringComparison.Ordinal) ||
        InternalOnlySuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    public static bool IsWildcard(string name) => name.StartsWith("*.", StringComparison.Ordinal);

    /// <summary>Case-insensitive, as DNS is.</summary>
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;
}
