using System.Collections.Immutable;
using CertBuildTasks.Input;
using Newtonsoft.Json.Linq;
using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Topology.Xml;

/// <summary>Maps a schema-valid overrides document to <see cref="TopologyOverrides"/>.</summary>
public static class TopologyOverridesReader
{
    public static TopologyOverrides Read(JToken root, string path)
    {
        var json = new JsonLocations(path);
        var doc = (JObject)root;

        var version = json.String(doc, "productVersion");
        Located<ProductVersion>? productVersion = version is not null && Enum.TryParse<ProductVersion>(version.Value, out var v)
            ? new Located<ProductVersion>(v, version.Location)
            : null;

        var pools = JsonLocations.Objects(doc, "pools")
            .Select(p => new PoolOverride(json.String(p, "fqdn")!, json.String(p, "internalWebFqdn"), json.String(p, "externalWebFqdn"), json.Of(p)))
            .ToImmutableArray();

        return new TopologyOverrides(
            path,
            productVersion,
            TopologyJsonReader.ReadSimpleUrls(json, JsonLocations.Object(doc, "simpleUrls")),
            json.Bool(doc, "mobility"),
            json.Bool(doc, "xmpp"),
            json.String(doc, "strictDnsSignInPool"),
            TopologyJsonReader.ReadReverseProxy(json, doc),
            pools,
            TopologyJsonReader.ReadOfficeWebApps(json, doc));
    }
}
