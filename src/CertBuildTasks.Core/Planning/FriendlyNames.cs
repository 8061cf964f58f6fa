using CertBuildTasks.Policy;

namespace CertBuildTasks.Planning;

/// <summary>Friendly names from the policy pattern ({kind}, {pool}, {server}, {subject}).</summary>
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
        _ => kind.ToString(),
    };

    public static string Format(string pattern, string kindLabel, string? pool, string? server, string subject) =>
        pattern
            .Replace("{kind}", kindLabel, StringComparison.Ordinal)
            .Replace("{pool}", pool ?? "global", StringComparison.Ordinal)
            .Replace("{server}", server ?? pool ?? "global", StringComparison.Ordinal)
            .Replace("{subject}", subject, StringComparison.Ordinal)
            .Trim();
}
