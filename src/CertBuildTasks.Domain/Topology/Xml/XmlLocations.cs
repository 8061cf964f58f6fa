using System.Xml;
using System.Xml.Linq;
using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Topology.Xml;

/// <summary>Locations and located values from an XML document loaded with line information.</summary>
internal sealed class XmlLocations(string path)
{
    public string Path { get; } = path;

    public SourceLocation Of(XObject node) =>
        node is IXmlLineInfo info && info.HasLineInfo()
            ? new SourceLocation(Path, info.LineNumber, Math.Max(info.LinePosition, 1))
            : new SourceLocation(Path, 1, 1);

    /// <summary>A non-empty attribute value with the attribute's location, or null.</summary>
    public Located<string>? Attribute(XElement element, string name) =>
        element.Attribute(name) is { } attribute && !string.IsNullOrWhiteSpace(attribute.Value)
            ? new Located<string>(attribute.Value.Trim(), Of(attribute))
            : null;

    public static bool IsTrue(XElement element, string name) =>
        string.Equals(element.Attribute(name)?.Value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
