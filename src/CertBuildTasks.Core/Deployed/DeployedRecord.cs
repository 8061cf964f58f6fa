using System.Globalization;
using System.Text.Json;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.IO;

namespace CertBuildTasks.Deployed;

/// <summary>
/// deployed.json in the intermediate folder: the certificates in service as CertCheckDeployed read
/// them, handed to CertGenerate for the renewal scripts. Written only when it changes, so an unchanged
/// deployed set does not make generation run again.
/// </summary>
public static class DeployedRecord
{
    public static void Save(string path, IEnumerable<DeployedCertificate> deployed)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            foreach (var d in deployed.OrderBy(d => d.Server, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Thumbprint, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("server", d.Server);
                w.WriteStartArray("usages");
                foreach (var usage in d.Usages)
                {
                    w.WriteStringValue(usage);
                }

                w.WriteEndArray();
                w.WriteString("thumbprint", d.Thumbprint);
                w.WriteString("subjectName", d.SubjectName);
                w.WriteStartArray("dnsNames");
                foreach (var name in d.DnsNames)
                {
                    w.WriteStringValue(name);
                }

                w.WriteEndArray();
                w.WriteString("notAfter", d.NotAfter.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                w.WriteString("source", d.Display);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        AtomicFile.WriteAllBytesIfChanged(path, stream.ToArray());
    }

    /// <summary>The recorded set, or empty when there is no record (no DeployedCertificate items).</summary>
    public static IReadOnlyList<DeployedCertificate> Load(string? path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return [];
        }

        try
        {
            return Read(File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IOException or NullReferenceException)
        {
            // An unreadable record (an older version, a truncated file) means "no deployed set": the
            // next CertCheckDeployed writes it again.
            return [];
        }
    }

    private static List<DeployedCertificate> Read(byte[] bytes)
    {
        using var doc = JsonDocument.Parse(bytes);
        return [.. doc.RootElement.EnumerateArray().Select(e => new DeployedCertificate(
            e.GetProperty("server").GetString()!,
            [.. e.GetProperty("usages").EnumerateArray().Select(u => u.GetString()!)],
            e.GetProperty("thumbprint").GetString()!,
            e.GetProperty("subjectName").GetString()!,
            [.. e.GetProperty("dnsNames").EnumerateArray().Select(n => n.GetString()!)],
            DateTimeOffset.Parse(e.GetProperty("notAfter").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            SourceLocation.None,
            e.GetProperty("source").GetString()!))];
    }
}
