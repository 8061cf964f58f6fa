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

    /// <summary>The URL as a message may show it: a user name and password replaced by "***".</summary>
    public static string Redacted(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? url.Replace(uri.UserInfo + "@", "***@", StringComparison.Ordinal)
            : url;

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
