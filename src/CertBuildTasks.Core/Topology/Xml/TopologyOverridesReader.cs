using System.Collections.Immutable;
using CertBuildTasks.Input;
using Newtonsoft.Json.Linq;

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

        ReverseProxy? reverseProxy = null;
        if (JsonLocations.Object(doc, "reverseProxy") is { } rp)
        {
            reverseProxy = new ReverseProxy(json.String(rp, "name"), json.Bool(rp, "publishOfficeWebApps")?.Value ?? true, json.OfProperty(doc, "reverseProxy"));
        }

        var pools = JsonLocations.Objects(doc, "pools")
            .Select(p => new PoolOverride(json.String(p, "fqdn")!, json.String(p, "internalWebFqdn"), json.String(p, "externalWebFqdn"), json.Of(p)))
            .ToImmutableArray();
        var owas = JsonLocations.Objects(doc, "officeWebApps")
            .Select(o => new OfficeWebAppsServer(json.String(o, "fqdn")!, json.String(o, "externalFqdn"), json.Of(o)))
            .ToImmutableArray();

        return new TopologyOverrides(
            path,
            productVersion,
            TopologyJsonReader.ReadSimpleUrls(json, JsonLocations.Object(doc, "simpleUrls")),
            json.Bool(doc, "mobility"),
            json.Bool(doc, "xmpp"),
            json.String(doc, "strictDnsSignInPool"),
            reverseProxy,
            pools,
            owas);
    }
}
