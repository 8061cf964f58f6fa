using CertBuildTasks.Naming;
using CertBuildTasks.Planning;

namespace CertBuildTasks.Issued;

/// <summary>
/// Matches issued certificates to planned ones: by public key when the build generated the key (CSR),
/// by PlannedId item metadata, by a file named after the certificate id (as the scripts ask), and
/// otherwise by subject and the largest SAN overlap — so a certificate that lacks a SAN is reported as
/// lacking that SAN, not as unmatched. A planned certificate not yet matched wins a tie.
/// </summary>
public static class IssuedMatcher
{
    public static (IReadOnlyList<IssuedMatch> Matches, IReadOnlyList<(LoadedCertificate Certificate, string Why)> Unmatched) Match(
        CertificatePlan plan,
        IEnumerable<LoadedCertificate> leaves,
        IReadOnlyDictionary<string, byte[]> centralPublicKeys)
    {
        var byId = plan.Certificates.ToDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase);
        var index = new NameIndex(plan);
        var matches = new List<IssuedMatch>();
        var unmatched = new List<(LoadedCertificate, string)>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var leaf in leaves)
        {
            var (planned, how, why) = Find(index, byId, leaf, centralPublicKeys, taken);
            if (planned is null)
            {
                unmatched.Add((leaf, why));
                continue;
            }

            taken.Add(planned.Id);
            matches.Add(new IssuedMatch(planned, leaf, how));
        }

        return (matches, unmatched);
    }

    private static (PlannedCertificate? Planned, string How, string Why) Find(
        NameIndex index,
        Dictionary<string, PlannedCertificate> byId,
        LoadedCertificate leaf,
        IReadOnlyDictionary<string, byte[]> centralPublicKeys,
        HashSet<string> taken)
    {
        if (leaf.PlannedId is { Length: > 0 } plannedId)
        {
            return byId.TryGetValue(plannedId, out var named)
                ? (named, "PlannedId metadata", string.Empty)
                : (null, string.Empty, $": its PlannedId '{plannedId}' is not a planned certificate id");
        }

        var publicKey = leaf.Certificate.PublicKey.ExportSubjectPublicKeyInfo();
        foreach (var (id, key) in centralPublicKeys)
        {
            if (key.AsSpan().SequenceEqual(publicKey) && byId.TryGetValue(id, out var keyed))
            {
                return (keyed, "public key of the generated CSR", string.Empty);
            }
        }

        var stem = Path.GetFileNameWithoutExtension(leaf.File);
        if (leaf.Index == 0 && byId.TryGetValue(stem, out var byFile))
        {
            return (byFile, "file name", string.Empty);
        }

        var commonName = leaf.CommonName;
        var names = leaf.DnsNames.ToHashSet(DnsName.Comparer);
        PlannedCertificate? best = null;
        var bestScore = 0;
        foreach (var c in index.Candidates(commonName, names))
        {
            var sameSubject = DnsName.Comparer.Equals(c.SubjectName, commonName);
            var overlap = c.SanNames.Count(names.Contains);
            if (!sameSubject && overlap == 0)
            {
                continue;
            }

            var score = (sameSubject ? 100_000 : 0) + (overlap * 2) + (taken.Contains(c.Id) ? 0 : 1);
            if (score > bestScore)
            {
                (best, bestScore) = (c, score);
            }
        }

        return best is null
            ? (null, string.Empty, $": its subject {commonName} and names match no planned certificate")
            : (best, "subject and SAN overlap", string.Empty);
    }

    /// <summary>Planned certificates by subject and SAN, so matching stays linear for large plans.</summary>
    private sealed class NameIndex
    {
        private readonly Dictionary<string, List<PlannedCertificate>> _byName = new(DnsName.Comparer);
        private readonly Dictionary<PlannedCertificate, int> _order = new(ReferenceEqualityComparer.Instance);

        public NameIndex(CertificatePlan plan)
        {
            for (var i = 0; i < plan.Certificates.Length; i++)
            {
                var c = plan.Certificates[i];
                _order[c] = i;
                foreach (var name in c.SanNames.Append(c.SubjectName).Distinct(DnsName.Comparer))
                {
                    if (!_byName.TryGetValue(name, out var list))
                    {
                        _byName[name] = list = [];
                    }

                    list.Add(c);
                }
            }
        }

        /// <summary>Every planned certificate sharing the subject or a SAN, in plan order (ties go to the first).</summary>
        public IEnumerable<PlannedCertificate> Candidates(string commonName, IEnumerable<string> names) =>
            names.Append(commonName)
                .SelectMany(n => _byName.TryGetValue(n, out var list) ? list : [])
                .Distinct()
                .OrderBy(c => _order[c]);
    }
}
