using CertBuildTasks.Planning;
using System.Text;
using System.Text.Json;
using CertBuildTasks.Policy;

namespace CertBuildTasks.Bundle;

/// <summary>
/// Writes plan.json (PRODUCT.md, bundle layout). Same plan, same bytes: no time stamps, no absolute
/// paths, "\n" line ends on every OS, fields in a fixed order.
/// </summary>
public static class PlanJsonWriter
{
    public const int SchemaVersion = 1;

    public static byte[] Write(CertificatePlan plan, string toolVersion, IReadOnlyDictionary<string, Issued.IssuedRecord>? issued = null)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteString("generator", "CertBuildTasks " + toolVersion);
            w.WriteString("productVersion", plan.Topology.ProductVersion.Value.ToString());
            w.WriteString("defaultSipDomain", plan.Topology.DefaultSipDomain?.Value.ToLowerInvariant());
            WriteStrings(w, "sipDomains", plan.Topology.SipDomains.Select(d => d.Value.ToLowerInvariant()));
            WriteStrings(w, "policyDefaults", plan.Policy.Defaulted);
            w.WriteStartArray("certificates");
            foreach (var c in plan.Certificates)
            {
                WriteCertificate(w, c, issued?.GetValueOrDefault(c.Id));
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        var bytes = stream.ToArray();

        // Utf8JsonWriter indents with Environment.NewLine; plan.json is "\n" on every OS.
        return Environment.NewLine == "\n" ? bytes : [.. bytes.Where(b => b != (byte)'\r')];
    }

    private static void WriteCertificate(Utf8JsonWriter w, PlannedCertificate c, Issued.IssuedRecord? issued)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        w.WriteString("kind", c.Kind.JsonName());
        WriteStrings(w, "usages", c.Usages);
        w.WriteString("subjectName", c.SubjectName);
        w.WriteStartObject("subject");
        w.WriteString("commonName", c.SubjectName);
        WriteOptional(w, "organizationalUnit", c.Subject.OrganizationalUnit?.Value);
        WriteOptional(w, "organization", c.Subject.Organization?.Value);
        WriteOptional(w, "locality", c.Subject.Locality?.Value);
        WriteOptional(w, "state", c.Subject.State?.Value);
        WriteOptional(w, "country", c.Subject.Country?.Value);
        w.WriteEndObject();
        WriteStrings(w, "subjectAlternativeNames", c.SanNames);
        w.WriteStartArray("sanReasons");
        foreach (var san in c.SubjectAlternativeNames)
        {
            w.WriteStartObject();
            w.WriteString("name", san.Name);
            WriteStrings(w, "reasons", san.Reasons);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteStrings(w, "servers", c.Servers);
        w.WriteString("pool", c.Pool);
        w.WriteString("site", c.Site);
        w.WriteNumber("keySize", c.KeySize);
        w.WriteString("keyAlgorithm", c.KeyAlgorithm);
        w.WriteString("cryptoProvider", c.CryptoProvider);
        w.WriteString("hashAlgorithm", c.HashAlgorithm);
        w.WriteBoolean("exportablePrivateKey", c.ExportablePrivateKey);
        WriteStrings(w, "enhancedKeyUsages", c.EnhancedKeyUsages);
        w.WriteString("certificateAuthority", c.CertificateAuthority == AuthorityKind.Public ? "public" : "internal");
        w.WriteString("template", c.Template);
        w.WriteString("caConfig", c.CaConfig);
        w.WriteString("requestMode", c.RequestMode.ToString().ToLowerInvariant());
        w.WriteString("requestingServer", c.RequestingServer);
        w.WriteString("friendlyName", c.FriendlyName);
        if (issued is not null)
        {
            // Absolute dates only: the same inputs give the same bytes whenever the build runs.
            w.WriteStartObject("issued");
            w.WriteString("thumbprint", issued.Thumbprint);
            w.WriteString("notBefore", issued.NotBefore.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("notAfter", issued.NotAfter.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("file", issued.File);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
