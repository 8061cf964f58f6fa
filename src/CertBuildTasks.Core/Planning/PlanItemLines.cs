using System.Text;
using CertBuildTasks.Policy;

namespace CertBuildTasks.Planning;

/// <summary>
/// The plan as one line per certificate, read by the targets into @(CertPlannedCertificate) items
/// with metadata even when the planning target is skipped. Fields are separated by '|', lists by ',';
/// only name-like fields are written (no friendly names), so no value needs MSBuild escaping.
/// </summary>
public static class PlanItemLines
{
    public static string[] Fields { get; } =
        ["Identity", "Kind", "Usages", "SubjectName", "SubjectAlternativeNames", "Servers", "Pool", "KeySize", "HashAlgorithm", "ExportablePrivateKey", "CertificateAuthority", "RequestMode", "RequestingServer"];

    public static byte[] Write(CertificatePlan plan)
    {
        var sb = new StringBuilder();
        foreach (var c in plan.Certificates)
        {
            string[] values =
            [
                c.Id,
                c.Kind.JsonName(),
                string.Join(',', c.Usages),
                c.SubjectName,
                string.Join(',', c.SanNames),
                string.Join(',', c.Servers),
                c.Pool ?? string.Empty,
                c.KeySize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                c.HashAlgorithm,
                c.ExportablePrivateKey ? "true" : "false",
                c.CertificateAuthority == AuthorityKind.Public ? "public" : "internal",
                c.RequestMode.ToString().ToLowerInvariant(),
                c.RequestingServer ?? string.Empty,
            ];
            values[0] = values[0].Replace("*", string.Empty, StringComparison.Ordinal); // an item identity with '*' would be a file glob
            sb.Append(string.Join('|', values.Select(Clean))).Append('\n');
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>Names are validated FQDNs; this is a second fence against MSBuild-special characters.</summary>
    private static string Clean(string value) =>
        new([.. value.Where(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '-' or '*' or ',' or '_')]);
}
