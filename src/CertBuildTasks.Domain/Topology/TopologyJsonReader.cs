using System.Collections.Immutable;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Input;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Topology;

/// <summary>Maps a schema-valid topology document (schemas/topology.schema.json) to the model.</summary>
public static class TopologyJsonReader
{
    public static LyncTopology Read(JToken root, string path)
    {
        var json = new JsonLocations(path);
        var doc = (JObject)root;
        var rootLocation = json.Of(doc);

        var version = json.String(doc, "productVersion");
        var productVersion = new Located<ProductVersion>(
            Enum.TryParse<ProductVersion>(version?.Value, out var v) ? v : ProductVersion.SfB2015,
            version?.Location ?? rootLocation);

        var sites = JsonLocations.Objects(doc, "sites").Select(site => ReadSite(json, site)).ToImmutableArray();
        var owas = ReadOfficeWebApps(json, doc);
        var reverseProxy = ReadReverseProxy(json, doc);

        return new LyncTopology(
            path,
            productVersion,
            ImmutableArray.CreateRange(json.Strings(doc, "sipDomains")),
            ReadSimpleUrls(json, JsonLocations.Object(doc, "simpleUrls")) ?? SimpleUrlSet.Empty,
            json.Bool(doc, "mobility") ?? new Located<bool>(true, rootLocation),
            json.Bool(doc, "xmpp") ?? new Located<bool>(false, rootLocation),
            json.String(doc, "strictDnsSignInPool"),
            sites,
            owas,
            reverseProxy,
            rootLocation);
    }

    private static Site ReadSite(JsonLocations json, JObject site)
    {
        var name = json.String(site, "name")!;
        var pools = JsonLocations.Objects(site, "pools").Select(p => ReadPool(json, p, name.Value)).ToImmutableArray();
        return new Site(name, ReadSimpleUrls(json, JsonLocations.Object(site, "simpleUrls")), pools, json.Of(site));
    }

    private static Pool ReadPool(JsonLocations json, JObject pool, string siteName)
    {
        var role = json.String(pool, "role")!;
        EdgeExternalFqdns? edge = null;
        if (JsonLocations.Object(pool, "edge") is { } e)
        {
            edge = new EdgeExternalFqdns(
                json.String(e, "accessFqdn"),
                json.String(e, "webConferencingFqdn"),
                json.String(e, "audioVideoFqdn"),
                json.OfProperty(pool, "edge"));
        }

        return new Pool(
            json.String(pool, "fqdn")!,
            new Located<PoolRole>((PoolRole)Enum.Parse(typeof(PoolRole), role.Value), role.Location),
            ImmutableArray.CreateRange(json.Strings(pool, "servers")),
            json.String(pool, "internalWebFqdn"),
            json.String(pool, "externalWebFqdn"),
            edge,
            siteName,
            json.Of(pool));
    }

    /// <summary>officeWebApps[]: shared with the overrides format, which has the same shape.</summary>
    internal static ImmutableArray<OfficeWebAppsServer> ReadOfficeWebApps(JsonLocations json, JObject doc) =>
        ImmutableArray.CreateRange(JsonLocations.Objects(doc, "officeWebApps").Select(o => new OfficeWebAppsServer(json.String(o, "fqdn")!, json.String(o, "externalFqdn"), json.Of(o))));

    /// <summary>reverseProxy: shared with the overrides format, which has the same shape.</summary>
    internal static ReverseProxy? ReadReverseProxy(JsonLocations json, JObject doc) =>
        JsonLocations.Object(doc, "reverseProxy") is { } rp
            ? new ReverseProxy(json.String(rp, "name"), json.Bool(rp, "publishOfficeWebApps")?.Value ?? true, json.OfProperty(doc, "reverseProxy"))
            : null;

    internal static SimpleUrlSet? ReadSimpleUrls(JsonLocations json, JObject? urls)
    {
        if (urls is null)
        {
            return null;
        }

        var meet = JsonLocations.Objects(urls, "meet")
            .Select(m => new MeetUrl(json.String(m, "domain")!, json.String(m, "url")!, json.Of(m)))
            .ToImmutableArray();
        return new SimpleUrlSet(meet, json.String(urls, "dialin"), json.String(urls, "admin"), json.String(urls, "webScheduler"), json.Of(urls));
    }
}
