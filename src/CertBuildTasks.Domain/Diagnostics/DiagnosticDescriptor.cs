using System.Globalization;

namespace CertBuildTasks.Diagnostics;

/// <summary>
/// A rule's public identity, as in Roslyn: the ID is public API (never renamed), the message format
/// takes <see cref="string.Format(IFormatProvider, string, object[])"/> arguments.
/// </summary>
/// <param name="IsConfigurable">
/// False for diagnostics that mean the input could not be read at all; like compiler errors they
/// cannot be silenced, because nothing after them would be trustworthy.
/// </param>
public sealed record DiagnosticDescriptor(
    string Id,
    string Title,
    string MessageFormat,
    string Category,
    DiagnosticSeverity DefaultSeverity,
    bool IsConfigurable = true)
{
    /// <summary>The rule's page, relative to the repository (and package) root: docs/rules/&lt;Id&gt;.md.</summary>
    public string HelpLink => "docs/rules/" + Id + ".md";

    /// <summary>
    /// The page as an absolute URI below <paramref name="helpBase"/> (the published pages, or the package's
    /// docs/rules/ folder as a file: URI), so it opens from the error list, the binlog and code scanning;
    /// the relative <see cref="HelpLink"/> when no base is known.
    /// </summary>
    /// <remarks>The id is escaped: one read back from a damaged build state cannot make a link of another scheme.</remarks>
    public string HelpUri(Uri? helpBase) => helpBase is null ? HelpLink : new Uri(helpBase, Uri.EscapeDataString(Id) + ".md").AbsoluteUri;

    public string FormatMessage(params object?[] arguments) =>
        arguments.Length == 0 ? MessageFormat : string.Format(CultureInfo.InvariantCulture, MessageFormat, [.. arguments.Select(a => a is string text ? MessageText.Quote(text) : a)]);
}
