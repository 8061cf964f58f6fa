using CertBuildTasks.Deployed;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using Newtonsoft.Json.Linq;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Tests.Infrastructure;

/// <summary>
/// Deployed sets for the CBT5xxx rules: by default every planned certificate of the sample is in
/// service on each of its servers, healthy (the plan's names, a year to run, one OAuth and one A/V
/// certificate shared). A test changes one thing and expects exactly its diagnostic.
/// </summary>
public abstract class DeployedTestBase : IDisposable
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    protected TempDirectory Dir { get; } = new();

    protected CertificatePlan Plan { get; } = Infrastructure.Plan.Run(SampleInputs.Topology(), SampleInputs.Policy()).Plan;

    public void Dispose()
    {
        Dir.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>One Get-CsCertificate entry per planned certificate and server, as ConvertTo-Json writes it.</summary>
    protected List<JObject> HealthySet()
    {
        var entries = new List<JObject>();
        foreach (var planned in Plan.Certificates)
        {
            var servers = planned.Kind == CertificateKind.OAuthTokenIssuer ? ["fe01.contoso.com", "fe02.contoso.com"] : planned.Servers;
            foreach (var server in servers)
            {
                // Pool-shared certificates (Edge, OAuth) have one thumbprint; per-server ones one each.
                var shared = planned.Kind is CertificateKind.OAuthTokenIssuer or CertificateKind.EdgeExternal or CertificateKind.EdgeInternal;
                entries.Add(Entry(server, planned, shared ? planned.Id : planned.Id + "@" + server, Now.AddDays(365)));
            }
        }

        return entries;
    }

    protected static JObject Entry(string server, PlannedCertificate planned, string identity, DateTimeOffset notAfter) => new()
    {
        ["Server"] = server,
        ["Use"] = string.Join(",", planned.Usages),
        ["Thumbprint"] = Thumbprint(identity),
        ["NotAfter"] = notAfter.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
        ["Subject"] = "CN=" + planned.SubjectName + ", O=Contoso",
        ["AlternativeNames"] = new JArray(planned.SubjectAlternativeNames.Select(n => n.Name)),
    };

    protected static string Thumbprint(string identity) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(identity)))[..40]; // thumbprint-shaped, 40 hex digits

    protected static JObject EntryFor(List<JObject> set, string server, string usage) =>
        set.First(e => (string)e["Server"]! == server && ((string)e["Use"]!).Split(',').Contains(usage));

    protected IReadOnlyList<Diagnostic> Check(IEnumerable<JObject> entries, JObject? policy = null)
    {
        var path = Dir.Write("deployed.json", new JArray(entries).ToString());
        var certificatePolicy = policy is null ? PolicyJsonReader.Read(SampleInputs.Policy(), string.Empty) : PolicyJsonReader.Read(policy, string.Empty);
        return DeployedStage.Run(Plan, certificatePolicy, [new DeployedStage.Input(path, null, null)], Now).Diagnostics;
    }

    protected static Diagnostic Only(IReadOnlyList<Diagnostic> diagnostics, string id)
    {
        var problem = Assert.Single(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Equal(id, problem.Id);
        return problem;
    }
}
