using System.Xml.Linq;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Input;
using N = CertBuildTasks.Topology.Xml.TopologyXmlNames;

namespace CertBuildTasks.Topology.Xml;

/// <summary>
/// Reads a Topology Builder file (.tbxml) or a published topology (Get-CsTopology -AsXml) into the
/// same model as the JSON format. The root element decides the format, not the file extension.
/// </summary>
public static class TopologyXmlReader
{
    public static LyncTopology? Read(string text, string path, TopologyOverrides? overrides, DiagnosticBag diagnostics)
    {
        var document = XmlDocumentLoader.Parse(text, path, InputKind.Topology, diagnostics);
        if (document?.Root is not { } root)
        {
            return null;
        }

        var xml = new XmlLocations(path);
        var structureProblems = diagnostics.Items.Count(d => d.Id == InputDiagnostics.XmlStructure.Id);
        XmlTopologyDocument? parsed;
        if (root.Name == N.TopologyBuilder + "TopologyBuilder")
        {
            parsed = TopologyBuilderFileParser.Parse(root, xml, diagnostics);
        }
        else if (root.Name == N.Topology + "Topology")
        {
            parsed = PublishedTopologyParser.Parse(root, xml, diagnostics);
        }
        else
        {
            diagnostics.Add(InputDiagnostics.XmlStructure, xml.Of(root),
                $"The root element {{{root.Name.NamespaceName}}}{root.Name.LocalName} is neither a Topology Builder file (TopologyBuilder) nor a published topology (Topology) of Lync Server 2013 / Skype for Business Server");
            return null;
        }

        if (parsed is null)
        {
            return null;
        }

        if (parsed.SipDomains.IsEmpty)
        {
            diagnostics.Add(InputDiagnostics.XmlStructure, parsed.Location, $"The {parsed.FormatName} has no InternalDomains with a SIP domain");
        }

        if (parsed.Clusters.IsEmpty)
        {
            diagnostics.Add(InputDiagnostics.XmlStructure, parsed.Location, $"The {parsed.FormatName} has no clusters (pools)");
        }

        var topology = XmlTopologyMapper.Map(parsed, path, overrides, diagnostics);

        // Like a schema violation, a document that was only partly understood is not handed to the
        // rules: their findings would follow from the gap, not from the topology.
        return diagnostics.Items.Count(d => d.Id == InputDiagnostics.XmlStructure.Id) > structureProblems ? null : topology;
    }
}
