using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Topology;

/// <summary>
/// Writes a topology in the JSON format (schemas/topology.schema.json), so an admin who started from
/// Topology Builder XML can move to the JSON file and edit it. Reading the output back gives a model
/// that plans the same certificates.
/// </summary>
public static class TopologyJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="schema">The "$schema" to write first (a path relative to the file, so editors complete and check it); none when null.</param>
    public static string Write(LyncTopology topology, string? schema = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            writer.WriteStartObject();
            if (schema is not null)
            {
                writer.WriteString("$schema", schema);
            }

            writer.WriteString("productVersion", topology.ProductVersion.Value.ToString());
            writer.WriteStartArray("sipDomains");
            foreach (var domain in topology.SipDomains)
            {
                writer.WriteStringValue(domain.Value);
            }

            writer.WriteEndArray();
            if (!IsEmpty(topology.SimpleUrls))
            {
                WriteSimpleUrls(writer, "simpleUrls", topology.SimpleUrls);
            }

            writer.WriteBoolean("mobility", topology.Mobility.Value);
            writer.WriteBoolean("xmpp", topology.Xmpp.Value);
            if (topology.StrictDnsSignInPool is { } signIn)
            {
                writer.WriteString("strictDnsSignInPool", signIn.Value);
            }

            writer.WriteStartArray("sites");
            foreach (var site in topology.Sites)
            {
                WriteSite(writer, site);
            }

            writer.WriteEndArray();
            if (!topology.OfficeWebApps.IsDefaultOrEmpty)
            {
                writer.WriteStartArray("officeWebApps");
                foreach (var owas in topology.OfficeWebApps)
                {
                    writer.WriteStartObject();
                    writer.WriteString("fqdn", owas.Fqdn.Value);
                    WriteOptional(writer, "externalFqdn", owas.ExternalFqdn);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            if (topology.ReverseProxy is { } proxy)
            {
                writer.WriteStartObject("reverseProxy");
                WriteOptional(writer, "name", proxy.Name);
                writer.WriteBoolean("publishOfficeWebApps", proxy.PublishOfficeWebApps);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static void WriteSite(Utf8JsonWriter writer, Site site)
    {
        writer.WriteStartObject();
        writer.WriteString("name", site.Name.Value);
        if (site.SimpleUrls is { } urls)
        {
            WriteSimpleUrls(writer, "simpleUrls", urls);
        }

        writer.WriteStartArray("pools");
        foreach (var pool in site.Pools)
        {
            writer.WriteStartObject();
            writer.WriteString("fqdn", pool.Fqdn.Value);
            writer.WriteString("role", pool.RoleValue.ToString());
            if (!pool.Servers.IsDefaultOrEmpty)
            {
                writer.WriteStartArray("servers");
                foreach (var server in pool.Servers)
                {
                    writer.WriteStringValue(server.Value);
                }

                writer.WriteEndArray();
            }

            WriteOptional(writer, "internalWebFqdn", pool.InternalWebFqdn);
            WriteOptional(writer, "externalWebFqdn", pool.ExternalWebFqdn);
            if (pool.Edge is { } edge)
            {
                writer.WriteStartObject("edge");
                WriteOptional(writer, "accessFqdn", edge.AccessEdge);
                WriteOptional(writer, "webConferencingFqdn", edge.WebConferencing);
                WriteOptional(writer, "audioVideoFqdn", edge.AudioVideo);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteSimpleUrls(Utf8JsonWriter writer, string name, SimpleUrlSet urls)
    {
        writer.WriteStartObject(name);
        if (!urls.Meet.IsDefaultOrEmpty)
        {
            writer.WriteStartArray("meet");
            foreach (var meet in urls.Meet)
            {
                writer.WriteStartObject();
                writer.WriteString("domain", meet.Domain.Value);
                writer.WriteString("url", meet.Url.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        WriteOptional(writer, "dialin", urls.Dialin);
        WriteOptional(writer, "admin", urls.Admin);
        WriteOptional(writer, "webScheduler", urls.WebScheduler);
        writer.WriteEndObject();
    }

    private static bool IsEmpty(SimpleUrlSet urls) =>
        urls.Meet.IsDefaultOrEmpty && urls.Dialin is null && urls.Admin is null && urls.WebScheduler is null;

    private static void WriteOptional(Utf8JsonWriter writer, string name, Located<string>? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value.Value);
        }
    }
}
