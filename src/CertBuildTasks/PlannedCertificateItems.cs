using System.Globalization;
using System.Security;
using System.Text;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;

namespace CertBuildTasks.MSBuild;

/// <summary>
/// @(CertPlannedCertificate): one item per planned certificate with its metadata, written by the plan
/// task as a small MSBuild project (plan.items) that CertGetPlannedCertificates reads with the MSBuild
/// task — one reader, whether planning ran in this build or not, and no CertBuildTasks task on a
/// no-op build.
/// </summary>
internal static class PlannedCertificateItems
{
    public const string ItemName = "CertPlannedCertificate";

    public const string TargetName = "GetCertPlannedCertificates";

    public static byte[] Write(CertificatePlan plan)
    {
        var text = new StringBuilder();
        text.Append("<Project>\n  <!-- Written by CertBuildTasks (PlanCertificates) from the last plan; read by the CertPlan target. -->\n  <ItemGroup>\n");
        foreach (var c in plan.Certificates)
        {
            text.Append("    <").Append(ItemName).Append(" Include=\"").Append(Escape(Identity(c))).Append('"');
            foreach (var (name, value) in Metadata(c))
            {
                text.Append(' ').Append(name).Append("=\"").Append(Escape(value)).Append('"');
            }

            text.Append(" />\n");
        }

        text.Append("  </ItemGroup>\n  <Target Name=\"").Append(TargetName).Append("\" Returns=\"@(").Append(ItemName).Append(")\" />\n</Project>\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>An item identity with '*' would be a file glob; ids are otherwise names.</summary>
    private static string Identity(PlannedCertificate c) => c.Id.Replace("*", string.Empty, StringComparison.Ordinal);

    private static IEnumerable<(string Name, string Value)> Metadata(PlannedCertificate c) =>
    [
        ("Kind", c.Kind.JsonName()),
        ("Usages", string.Join(',', c.Usages)),
        ("SubjectName", c.SubjectName),
        ("SubjectAlternativeNames", string.Join(',', c.SanNames)),
        ("Servers", string.Join(',', c.Servers)),
        ("Pool", c.Pool ?? string.Empty),
        ("KeySize", c.KeySize.ToString(CultureInfo.InvariantCulture)),
        ("HashAlgorithm", c.HashAlgorithm),
        ("ExportablePrivateKey", c.ExportablePrivateKey ? "true" : "false"),
        ("CertificateAuthority", c.CertificateAuthority == AuthorityKind.Public ? "public" : "internal"),
        ("RequestMode", c.RequestMode.ToString().ToLowerInvariant()),
        ("RequestingServer", c.RequestingServer ?? string.Empty),
    ];

    /// <summary>XML text that MSBuild reads back as the literal value (no property, item or metadata expansion).</summary>
    private static string Escape(string value) => SecurityElement.Escape(ProjectCollectionEscape(value)) ?? string.Empty;

    private static string ProjectCollectionEscape(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var ch in value)
        {
            if (ch is '%' or '$' or '@' or '\'' or ';' or '?' or '*')
            {
                text.Append('%').Append(((int)ch).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(ch);
            }
        }

        return text.ToString();
    }
}
