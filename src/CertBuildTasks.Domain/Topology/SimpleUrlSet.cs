using System.Collections.Immutable;
using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Topology;

/// <summary>
/// Simple URLs, global or of one site. A site's own set replaces the global one for the pools of
/// that site (PRODUCT.md decision 14).
/// </summary>
public sealed record SimpleUrlSet(
    ImmutableArray<MeetUrl> Meet,
    Located<string>? Dialin,
    Located<string>? Admin,
    Located<string>? WebScheduler,
    SourceLocation Location)
{
    public static readonly SimpleUrlSet Empty = new(ImmutableArray<MeetUrl>.Empty, null, null, null, SourceLocation.None);

    /// <summary>Every URL of the set, in a fixed order (meet, dial-in, admin, web scheduler).</summary>
    public IEnumerable<Located<string>> AllUrls()
    {
        foreach (var meet in Meet)
        {
            yield return meet.Url;
        }

        if (Dialin is not null)
        {
            yield return Dialin;
        }

        if (Admin is not null)
        {
            yield return Admin;
        }

        if (WebScheduler is not null)
        {
            yield return WebScheduler;
        }
    }
}
