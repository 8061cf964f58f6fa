using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Input;
using CertBuildTasks.Issued;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Deployed;

/// <summary>
/// Reads DeployedCertificate items: Get-CsCertificate output saved as JSON (one object or an array,
/// with Use, Thumbprint, NotAfter, Subject, AlternativeNames and the server in Server or
/// PSComputerName), or an exported certificate file (.cer/.crt/.pem/.der) whose item metadata names
/// the Server and the usages (Use, comma-separated).
/// </summary>
public static partial class DeployedCertificateReader
{
    public static IReadOnlyList<DeployedCertificate> Read(string path, string? server, string? use, DiagnosticBag diagnostics) =>
        Read(path, server, use, null, null, diagnostics);

    /// <param name="plannedId">PlannedId metadata of a certificate file: the planned certificate it is.</param>
    /// <param name="plan">
    /// Lets a certificate file without Server and Use metadata stand for its planned certificate (named by
    /// PlannedId, by the file name, or found by subject and names): its usages on each of its servers.
    /// </param>
    public static IReadOnlyList<DeployedCertificate> Read(string path, string? server, string? use, string? plannedId, Planning.CertificatePlan? plan, DiagnosticBag diagnostics) =>
        ReaderGuard.Read<IReadOnlyList<DeployedCertificate>>(path, diagnostics, [], () => ReadFile(path, server, use, plannedId, plan, diagnostics));

    private static List<DeployedCertificate> ReadFile(string path, string? server, string? use, string? plannedId, Planning.CertificatePlan? plan, DiagnosticBag diagnostics)
    {
        var extension = Path.GetExtension(path);
        if (string.Equals(extension, ".json", StringComparison.OrdinalIgnoreCase))
        {
            return ReadJson(path, server, diagnostics);
        }

        return string.Equals(extension, ".csv", StringComparison.OrdinalIgnoreCase)
            ? ReadCsv(path, server, diagnostics)
            : ReadCertificateFile(path, server, use, plannedId, plan, diagnostics);
    }

    private static List<DeployedCertificate> ReadCertificateFile(string path, string? server, string? use, string? plannedId, Planning.CertificatePlan? plan, DiagnosticBag diagnostics)
    {
        var result = new List<DeployedCertificate>();
        foreach (var c in CertificateFileReader.Read(path, null, diagnostics))
        {
            var planned = plan is null ? null : PlannedCertificateOf(c, path, plannedId, server, plan);
            var usages = Split(use);
            if (CertificateUsages.Unknown(usages) is { } unknown)
            {
                diagnostics.Add(DeployedDiagnostics.EntryInvalid, SourceLocation.File(path), $"The Use metadata of '{c.Display}' names '{unknown}', which is not a certificate usage (Default, WebServicesInternal, OAuthTokenIssuer, …)");
                continue;
            }

            usages = CertificateUsages.Canonical(usages);
            if (usages.IsEmpty && planned is not null)
            {
                usages = planned.Usages;
            }

            IEnumerable<string> servers = !string.IsNullOrWhiteSpace(server)
                ? [server.Trim()]
                : planned is null ? [] : planned.Servers.IsEmpty ? [planned.RequestingServer ?? "Global"] : planned.Servers;
            if (usages.IsEmpty || !servers.Any())
            {
                diagnostics.Add(DeployedDiagnostics.EntryInvalid, SourceLocation.File(path),
                    $"The deployed certificate '{c.Display}' matches no planned certificate; give it the metadata Server (the server it is on) and Use (its usages, e.g. Default,WebServicesInternal)");
                continue;
            }

            foreach (var s in servers)
            {
                result.Add(new DeployedCertificate(
                    s,
                    usages,
                    c.Thumbprint,
                    CertificateFacts.CommonName(c.Certificate).ToLowerInvariant(),
                    [.. CertificateFacts.DnsNames(c.Certificate)],
                    new DateTimeOffset(c.Certificate.NotAfter.ToUniversalTime()),
                    c.Location,
                    c.Display,
                    CertificateFacts.RsaKeySize(c.Certificate),
                    c.Certificate.SignatureAlgorithm.Value));
            }
        }

        return result;
    }

    /// <summary>PlannedId metadata, else a file named after a planned id, else the planned certificate with the same subject sharing most names (on the given server, when there is one).</summary>
    private static Planning.PlannedCertificate? PlannedCertificateOf(LoadedCertificate c, string path, string? plannedId, string? server, Planning.CertificatePlan plan)
    {
        var byId = plannedId ?? Path.GetFileNameWithoutExtension(path);
        if (plan.Certificates.FirstOrDefault(p => string.Equals(p.Id, byId, StringComparison.OrdinalIgnoreCase)) is { } named)
        {
            return named;
        }

        var subject = CertificateFacts.CommonName(c.Certificate);
        var names = CertificateFacts.DnsNames(c.Certificate).ToHashSet(Naming.DnsName.Comparer);
        return plan.Certificates
            .Where(p => Naming.DnsName.Comparer.Equals(p.SubjectName, subject))
            .Where(p => string.IsNullOrWhiteSpace(server) || p.Servers.Contains(server.Trim(), Naming.DnsName.Comparer) || p.Servers.IsEmpty)
            .OrderByDescending(p => p.SanNames.Count(names.Contains))
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static List<DeployedCertificate> ReadJson(string path, string? server, DiagnosticBag diagnostics)
    {
        var text = InputFileReader.ReadText(path, InputKind.DeployedCertificates, diagnostics);
        if (text is null)
        {
            return new List<DeployedCertificate>();
        }

        JToken root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
            root = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
        }
        catch (JsonException ex)
        {
            diagnostics.Add(DeployedDiagnostics.EntryInvalid, SourceLocation.File(path), $"'{Path.GetFileName(path)}' is not valid JSON: {ex.Message}");
            return new List<DeployedCertificate>();
        }

        var entries = root is JArray array ? array.OfType<JObject>() : root is JObject single ? [single] : [];
        return FromEntries(path, server, entries.Select(e => (e, e is IJsonLineInfo info && info.HasLineInfo() ? new SourceLocation(path, info.LineNumber, Math.Max(info.LinePosition, 1)) : SourceLocation.File(path))), diagnostics);
    }

    /// <summary>
    /// Export-Csv output with a header row (Use, Thumbprint, NotAfter, Subject, AlternativeNames joined
    /// with ';', Server). Quoted fields with doubled quotes, as Export-Csv writes them.
    /// </summary>
    private static List<DeployedCertificate> ReadCsv(string path, string? server, DiagnosticBag diagnostics)
    {
        var text = InputFileReader.ReadText(path, InputKind.DeployedCertificates, diagnostics);
        if (text is null)
        {
            return new List<DeployedCertificate>();
        }

        var lines = text.Split('\n');
        var rows = new List<(JObject, SourceLocation)>();
        string[]? header = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue; // blank lines and the #TYPE line of Windows PowerShell's Export-Csv
            }

            var fields = CsvFields(line);
            if (header is null)
            {
                header = fields;
                continue;
            }

            var entry = new JObject();
            for (var f = 0; f < header.Length && f < fields.Length; f++)
            {
                entry[header[f]] = fields[f];
            }

            rows.Add((entry, new SourceLocation(path, i + 1, 1)));
        }

        return FromEntries(path, server, rows, diagnostics);
    }

    private static string[] CsvFields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }

    private static List<DeployedCertificate> FromEntries(string path, string? server, IEnumerable<(JObject Entry, SourceLocation Location)> entries, DiagnosticBag diagnostics)
    {
        var result = new List<DeployedCertificate>();
        var index = 0;
        foreach (var (entry, location) in entries)
        {
            index++;
            var entryServer = Text(entry, "Server") ?? Text(entry, "PSComputerName") ?? Text(entry, "Identity") ?? server;
            var usages = Split(Text(entry, "Use"));
            var thumbprint = CertificateUsages.Thumbprint(Text(entry, "Thumbprint"));
            var notAfter = Date(entry.GetValue("NotAfter", StringComparison.OrdinalIgnoreCase));
            if (string.IsNullOrWhiteSpace(entryServer) || usages.IsEmpty || thumbprint is null || notAfter is null)
            {
                diagnostics.Add(DeployedDiagnostics.EntryInvalid, location,
                    "A Get-CsCertificate entry needs Use, Thumbprint (40 hex digits), NotAfter (ISO 8601 with Z or an offset, as .ToUniversalTime().ToString('o') writes it) and the server (Server or PSComputerName, or the item's Server metadata)");
                continue;
            }

            if (CertificateUsages.Unknown(usages) is { } unknown)
            {
                diagnostics.Add(DeployedDiagnostics.EntryInvalid, location,
                    $"'{unknown}' is not a certificate usage (Default, WebServicesInternal, OAuthTokenIssuer, …); Windows PowerShell's ConvertTo-Json writes enums as numbers: export with @{{n='Use';e={{[string]$_.Use}}}} or the bundle's Export-DeployedCertificates.ps1");
                continue;
            }

            usages = CertificateUsages.Canonical(usages);

            var names = entry.GetValue("AlternativeNames", StringComparison.OrdinalIgnoreCase) switch
            {
                JArray list => list.Select(n => n.ToString()),
                JValue { Type: JTokenType.String } one => ((string)one!).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries),
                _ => [],
            };
            result.Add(new DeployedCertificate(
                entryServer.Trim(),
                usages,
                thumbprint,
                CommonName(Text(entry, "Subject") ?? string.Empty),
                [.. names.Select(n => DnsPrefix().Replace(n.Trim(), string.Empty).ToLowerInvariant()).Where(n => n.Length > 0)],
                notAfter.Value,
                location,
                $"{Path.GetFileName(path)} #{index}",
                int.TryParse(Text(entry, "KeySize"), NumberStyles.None, CultureInfo.InvariantCulture, out var keySize) ? keySize : null,
                Text(entry, "SignatureAlgorithm")));
        }

        return result;
    }

    private static string? Text(JObject entry, string name) =>
        entry.GetValue(name, StringComparison.OrdinalIgnoreCase) is JValue { Value: not null } value ? Convert.ToString(value.Value, CultureInfo.InvariantCulture) : null;

    /// <summary>ISO 8601 (PowerShell 7) or \/Date(ms)\/ (Windows PowerShell's ConvertTo-Json).</summary>
    private static DateTimeOffset? Date(JToken? token)
    {
        if (token is not JValue { Value: not null } value)
        {
            return null;
        }

        var text = Convert.ToString(value.Value, CultureInfo.InvariantCulture)!;
        if (MsDate().Match(text) is { Success: true } ms)
        {
            return long.TryParse(ms.Groups["ms"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var milliseconds)
                && milliseconds is >= -62_135_596_800_000 and <= 253_402_300_799_999
                ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
                : null;
        }

        // Only unambiguous instants: a culture's short date (01/07/2026) or a time without zone could be
        // read days or hours wrong, and the roll-over dates are computed from it.
        return IsoInstant().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            && parsed.Year is > 1 and < 9999
            ? parsed.ToUniversalTime()
            : null;
    }

    private static string CommonName(string subject) =>
        CnPart().Match(subject) is { Success: true } cn ? cn.Groups["cn"].Value.Trim().ToLowerInvariant() : subject.Trim().ToLowerInvariant();

    private static ImmutableArray<string> Split(string? use) =>
        string.IsNullOrWhiteSpace(use) ? [] : [.. use.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoInstant();

    [GeneratedRegex(@"^/?Date\((?<ms>-?\d{1,18})\)/?$", RegexOptions.CultureInvariant)]
    private static partial Regex MsDate();

    [GeneratedRegex(@"(?:^|,)\s*CN=(?<cn>[^,]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CnPart();

    [GeneratedRegex(@"^DNS Name=", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DnsPrefix();
}
