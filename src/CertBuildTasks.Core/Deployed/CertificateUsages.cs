using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace CertBuildTasks.Deployed;

/// <summary>The -Type values of Set-CsCertificate / Get-CsCertificate's Use, and thumbprint clean-up.</summary>
public static partial class CertificateUsages
{
    public static readonly ImmutableArray<string> All =
    [
        "AccessEdgeExternal", "AudioVideoAuthentication", "DataEdgeExternal", "Default", "External", "Internal",
        "iPadAPNService", "iPhoneAPNService", "LogRetentionService", "MPNService", "OAuthTokenIssuer", "PICWebService",
        "ProvisionService", "SMPDNSWebService", "TenantAdmin", "UpgradeEngineService", "WebServicesExternal",
        "WebServicesInternal", "WsFedTokenTransfer", "XMPPServer",
    ];

    /// <summary>The first value that is not a usage name (a number from ConvertTo-Json, a typo), or null.</summary>
    public static string? Unknown(IEnumerable<string> usages) =>
        usages.FirstOrDefault(u => !All.Contains(u, StringComparer.OrdinalIgnoreCase));

    /// <summary>Each usage in the cmdlets' own spelling, so comparisons with the plan are exact.</summary>
    public static ImmutableArray<string> Canonical(IEnumerable<string> usages) =>
        [.. usages.Select(u => All.First(a => a.Equals(u, StringComparison.OrdinalIgnoreCase))).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// 40 hex digits, upper case: spaces and the invisible direction marks a copy from the certificate
    /// dialog carries are removed; anything else is not a thumbprint (null).
    /// </summary>
    public static string? Thumbprint(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var cleaned = Separators().Replace(text, string.Empty).ToUpperInvariant();
        return HexThumbprint().IsMatch(cleaned) ? cleaned : null;
    }

    [GeneratedRegex(@"[\s\u200E\u200F\u202A-\u202E:]", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();

    [GeneratedRegex("^[0-9A-F]{40}$", RegexOptions.CultureInvariant)]
    private static partial Regex HexThumbprint();
}
