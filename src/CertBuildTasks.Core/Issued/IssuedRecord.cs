using System.Text.Json;
using CertBuildTasks.IO;

namespace CertBuildTasks.Issued;

/// <summary>
/// What the gate hands to the later stages (obj/…/certbuild/issued.json): per planned certificate the
/// issued certificate that passed — thumbprint, validity, file, and its DER bytes for the bundle.
/// </summary>
/// <param name="Chain">The CA certificates above it (DER), intermediates first, for the bundle.</param>
public sealed record IssuedRecord(string Id, string Thumbprint, DateTimeOffset NotBefore, DateTimeOffset NotAfter, string File, byte[] Der, IReadOnlyList<byte[]> Chain)
{
    public static void Save(string path, IEnumerable<IssuedRecord> records)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            foreach (var r in records.OrderBy(r => r.Id, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("id", r.Id);
                w.WriteString("thumbprint", r.Thumbprint);
                w.WriteString("notBefore", r.NotBefore.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
                w.WriteString("notAfter", r.NotAfter.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
                w.WriteString("file", r.File);
                w.WriteBase64String("der", r.Der);
                w.WriteStartArray("chain");
                foreach (var ca in r.Chain)
                {
                    w.WriteBase64StringValue(ca);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        AtomicFile.WriteAllBytesIfChanged(path, stream.ToArray());
    }

    /// <summary>The records of the last successful gate, or none when there is no file.</summary>
    public static IReadOnlyDictionary<string, IssuedRecord> Load(string? path)
    {
        if (string.IsNullOrEmpty(path) || !System.IO.File.Exists(path))
        {
            return new Dictionary<string, IssuedRecord>();
        }

        using var doc = JsonDocument.Parse(System.IO.File.ReadAllBytes(path));
        return doc.RootElement.EnumerateArray().Select(e => new IssuedRecord(
                e.GetProperty("id").GetString()!,
                e.GetProperty("thumbprint").GetString()!,
                e.GetProperty("notBefore").GetDateTimeOffset(),
                e.GetProperty("notAfter").GetDateTimeOffset(),
                e.GetProperty("file").GetString()!,
                e.GetProperty("der").GetBytesFromBase64(),
                e.TryGetProperty("chain", out var chain) ? [.. chain.EnumerateArray().Select(c => c.GetBytesFromBase64())] : []))
            .ToDictionary(r => r.Id, StringComparer.Ordinal);
    }
}
