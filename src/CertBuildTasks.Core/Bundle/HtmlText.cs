using System.Net;

namespace CertBuildTasks.Bundle;

/// <summary>Every input-derived string in the report goes through here: &lt; &gt; &amp; " ' are encoded.</summary>
public static class HtmlText
{
    public static string Encode(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);

    /// <summary>An id usable in an HTML id/href: letters, digits, '-', '.', '_' only.</summary>
    public static string Anchor(string value) => "c-" + new string([.. value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '-')]);
}
