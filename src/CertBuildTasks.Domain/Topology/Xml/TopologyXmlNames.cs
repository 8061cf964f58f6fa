using System.Xml.Linq;

namespace CertBuildTasks.Topology.Xml;

/// <summary>
/// The namespaces of Topology Builder and published topology documents. Each element re-declares its
/// own default namespace, so elements are matched by namespace + local name, never by prefix.
/// </summary>
internal static class TopologyXmlNames
{
    public static readonly XNamespace TopologyBuilder = "urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008";
    public static readonly XNamespace Writable = "urn:schema:Microsoft.Rtc.Management.Deploy.WritableTopology.2008";
    public static readonly XNamespace Topology = "urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008";
    public static readonly XNamespace ServiceRoles = "urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008";
    public static readonly XNamespace SimpleUrl = "urn:schema:Microsoft.Rtc.Management.Settings.SimpleUrl.2008";
}
