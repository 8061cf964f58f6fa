using CertBuildTasks.Policy;

namespace CertBuildTasks.Planning;

/// <summary>
/// Friendly names from the policy pattern ({kind}, {pool}, {server}, {subject}, {requested}). Each
/// friendly name must be unique in the computer store, and during a renewal the old and the new
/// certificate sit there side by side: the month of the request ({requested}, yyyy-MM) tells them
/// apart and is appended when the pattern lacks it.
/// </summary>
internal static class FriendlyNames
{
    public static string Label(CertificateKind kind) => kind switch
    {
        CertificateKind.FrontEnd => "Front End",
        CertificateKind.Director => "Director",
        CertificateKind.Mediation => "Mediation",
        CertificateKind.EdgeInternal => "Edge Internal",
        CertificateKind.EdgeExternal => "Edge External",
        CertificateKind.OAuthTokenIssuer => "OAuthTokenIssuer",
        CertificateKind.ReverseProxy => "Reverse Proxy",
        CertificateKind.SurvivableBranch => "Survivable Branch",
        CertificateKind.PersistentChat => "Persistent Chat",
        CertificateKind.OfficeWebApps => "Office Web Apps",
        _ => kind.ToString(),
    };

    public const string RequestedPlaceholder = "{requested}";

    public static string Month(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public static string Format(string pattern, string kindLabel, string? pool, string? server, string subject, string requestMonth) =>
        (pattern.Contains(RequestedPlaceholder, StringComparison.Ordinal) ? pattern : pattern.TrimEnd() + " " + RequestedPlaceholder)
            .Replace("{kind}", kindLabel, StringComparison.Ordinal)
            .Replace("{pool}", pool ?? "global", StringComparison.Ordinal)
            .Replace("{server}", server ?? pool ?? "global", StringComparison.Ordinal)
            .Replace("{subject}", subject, StringComparison.Ordinal)
            .Replace(RequestedPlaceholder, requestMonth, StringComparison.Ordinal)
            .Trim();
}
