namespace CertBuildTasks.Naming;

/// <summary>
/// Simple URLs contribute only their host to a SAN (PRODUCT.md decision 14): https://contoso.com/meet
/// contributes contoso.com.
/// </summary>
public static class SimpleUrl
{
    /// <summary>The host of an absolute https URL, lower case; null when the URL is not one.</summary>
    public static string? Host(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.Host.Length == 0)
        {
            return null;
        }

        try
        {
            return uri.IdnHost.ToLowerInvariant();
        }
        catch (UriFormatException)
        {
            return null; // a host Uri parsed but cannot map to an IDN name (found by the fuzzer)
        }
    }

    /// <summary>
    /// The URL as a message may show it: whatever stands between the scheme and the last '@' (a user
    /// name and password) replaced by "***". Done on the text as written, not on Uri's parse, which
    /// escapes the user info (spaces, non-ASCII, braces, quotes) and so would not find it in the text,
    /// and which fails for URLs it cannot parse although they may still carry a password.
    /// </summary>
    public static string Redacted(string url)
    {
        // Everything up to the last '@': a password may hold '/', '?', '#' or '@' itself, and a simple
        // URL has no '@' elsewhere (were there one in a query, the message loses the host, not a secret).
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var start = scheme < 0 ? 0 : scheme + 3;
        var at = url.LastIndexOf('@');
        return at < start ? url : url[..start] + "***" + url[at..];
    }

    /// <summary>Why the URL is not a usable simple URL, or null.</summary>
    public static string? Problem(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "it is not an absolute URL";
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            return $"its scheme is '{uri.Scheme}'; simple URLs must use https";
        }

        if (uri.Host.Length == 0)
        {
            return "it has no host";
        }

        if (Host(url) is null)
        {
            return "its host is not a valid name";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "it carries a user name or password, which a simple URL never has (and which would be copied into the bundle)";
        }

        return null;
    }
}
