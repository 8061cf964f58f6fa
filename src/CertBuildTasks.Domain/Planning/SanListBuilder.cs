using System.Collections.Immutable;
using CertBuildTasks.Naming;

namespace CertBuildTasks.Planning;

/// <summary>
/// Builds a SAN list by the ordering rule (decision 3): the subject first, exact FQDNs before any
/// wildcard, no duplicates (case-insensitive, reasons merged), lower case.
/// </summary>
internal sealed class SanListBuilder
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, List<string>> _reasons = new(StringComparer.Ordinal);

    public SanListBuilder(string subject, string reason) => Add(subject, reason);

    public SanListBuilder Add(string name, string reason)
    {
        var key = name.Trim().TrimEnd('.').ToLowerInvariant();
        if (key.Length == 0)
        {
            return this;
        }

        if (!_reasons.TryGetValue(key, out var reasons))
        {
            reasons = [];
            _reasons[key] = reasons;
            _order.Add(key);
        }

        if (!reasons.Contains(reason, StringComparer.Ordinal))
        {
            reasons.Add(reason);
        }

        return this;
    }

    public ImmutableArray<PlannedName> Build()
    {
        if (_order.Count == 0)
        {
            throw new InvalidOperationException("A certificate needs a subject; the topology name it comes from is empty.");
        }

        var subject = _order[0];
        var rest = _order.Skip(1).ToList();
        var ordered = rest.Where(n => !DnsName.IsWildcard(n)).Concat(rest.Where(DnsName.IsWildcard)).Prepend(subject);
        return ImmutableArray.CreateRange(ordered.Select(n => new PlannedName(n, [.. _reasons[n]])));
    }
}
