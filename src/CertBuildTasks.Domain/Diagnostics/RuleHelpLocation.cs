namespace CertBuildTasks.Diagnostics;

/// <summary>
/// Where the rule pages are, as an absolute base URI: the published pages when the project names them
/// (CertRulesHelpBaseUri, e.g. a fork's docs/rules/ on GitHub), else the pages on this machine (the
/// package's docs/rules/ folder) as a file: URI. Every help link a user clicks — the error list, the
/// binlog, code scanning, the IDE's error list through the analyzer — is made from it, so none is
/// relative to a folder the reader is not in.
/// </summary>
public static class RuleHelpLocation
{
    /// <returns>null when neither is known (the relative docs/rules/ link is all there is).</returns>
    public static Uri? Resolve(string? baseUri, string? localDirectory)
    {
        if (!string.IsNullOrWhiteSpace(baseUri)
            && Uri.TryCreate(baseUri!.EndsWith("/", StringComparison.Ordinal) ? baseUri : baseUri + "/", UriKind.Absolute, out var given))
        {
            return given;
        }

        return string.IsNullOrWhiteSpace(localDirectory)
            ? null
            : new Uri(Path.GetFullPath(localDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar);
    }
}
