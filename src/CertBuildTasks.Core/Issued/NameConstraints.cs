using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertBuildTasks.Issued;

/// <summary>
/// The DNS name constraints of a CA certificate (RFC 5280 4.2.1.10), read so that a chain refused for
/// them says which CA limits the names and which of the leaf's names fall outside, instead of the
/// platform's bare status. Only dNSName subtrees are read: the names of a Lync certificate are DNS names.
/// </summary>
internal sealed record NameConstraints(IReadOnlyList<string> Permitted, IReadOnlyList<string> Excluded)
{
    private const string Oid = "2.5.29.30";

    public const X509ChainStatusFlags Flags =
        X509ChainStatusFlags.HasNotPermittedNameConstraint | X509ChainStatusFlags.HasExcludedNameConstraint |
        X509ChainStatusFlags.HasNotSupportedNameConstraint | X509ChainStatusFlags.HasNotDefinedNameConstraint | X509ChainStatusFlags.InvalidNameConstraints;

    /// <summary>The certificate's DNS name constraints, or null when it has none (or none that can be read).</summary>
    public static NameConstraints? Of(X509Certificate2 certificate)
    {
        if (certificate.Extensions[Oid] is not { } extension)
        {
            return null;
        }

        try
        {
            var sequence = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
            var permitted = new List<string>();
            var excluded = new List<string>();
            while (sequence.HasData)
            {
                var tag = sequence.PeekTag();
                var target = tag.TagValue == 0 ? permitted : excluded;
                var subtrees = sequence.ReadSequence(tag);
                while (subtrees.HasData)
                {
                    var subtree = subtrees.ReadSequence();
                    var dnsName = new Asn1Tag(TagClass.ContextSpecific, 2);
                    if (subtree.PeekTag().HasSameClassAndValue(dnsName))
                    {
                        target.Add(subtree.ReadCharacterString(UniversalTagNumber.IA5String, dnsName));
                    }
                }
            }

            return new NameConstraints(permitted, excluded);
        }
        catch (Exception ex) when (ex is AsnContentException or CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Of <paramref name="names"/>, those this CA may not certify.</summary>
    public IReadOnlyList<string> Outside(IEnumerable<string> names) =>
        [.. names.Where(n => (Permitted.Count > 0 && !Permitted.Any(p => Within(n, p))) || Excluded.Any(e => Within(n, e)))];

    /// <summary>RFC 5280: a name is within a subtree when labels added on the left make the base ("contoso.com" covers "fe01.contoso.com"); ".contoso.com" covers only names below it.</summary>
    private static bool Within(string name, string subtree)
    {
        var bare = name.TrimStart('*', '.');
        if (subtree.Length == 0)
        {
            return true;
        }

        if (subtree.StartsWith('.'))
        {
            return bare.EndsWith(subtree, StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(bare, subtree, StringComparison.OrdinalIgnoreCase) || bare.EndsWith("." + subtree, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>What the constraints allow, in words.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Permitted.Count > 0)
        {
            parts.Add("only names under " + string.Join(", ", Permitted));
        }

        if (Excluded.Count > 0)
        {
            parts.Add("no names under " + string.Join(", ", Excluded));
        }

        return string.Join(" and ", parts);
    }
}
