using CertBuildTasks.Validation;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Planning;
using Newtonsoft.Json.Linq;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Tests.Infrastructure;

/// <summary>Validates and plans JSON inputs with the real stages; fails the test on validation errors.</summary>
public static class Plan
{
    /// <summary>The instant the tests plan at (CertValidationTime): its month is in every friendly name.</summary>
    public static readonly DateTimeOffset RequestTime = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public static Outcome Run(JObject topology, JObject? policy = null, bool allowValidationErrors = false)
    {
        var validation = Validate.Run(topology, policy ?? new JObject());
        var errors = validation.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (!allowValidationErrors)
        {
            Assert.True(errors.Count == 0, "validation failed: " + string.Join("; ", errors));
        }

        var (plan, diagnostics) = PlanStage.Run(validation.Result.Topology!, validation.Result.Policy!, Plan.RequestTime);
        return new Outcome(plan, diagnostics);
    }

    public sealed record Outcome(CertificatePlan Plan, IReadOnlyList<Diagnostic> Diagnostics)
    {
        public PlannedCertificate this[string id] => Plan.Certificates.Single(c => c.Id == id);

        public IReadOnlyList<Diagnostic> Of(string id) => [.. Diagnostics.Where(d => d.Id == id)];

        public IReadOnlyList<PlannedCertificate> WithUsage(string usage) => [.. Plan.Certificates.Where(c => c.Usages.Contains(usage))];
    }

    /// <summary>A small topology builder for the reference examples.</summary>
    public static JObject TopologyOf(string[] sipDomains, params JObject[] pools) => new()
    {
        ["productVersion"] = "SfB2015",
        ["sipDomains"] = new JArray(sipDomains),
        ["simpleUrls"] = new JObject
        {
            ["meet"] = new JArray(sipDomains.Select(d => new JObject { ["domain"] = d, ["url"] = "https://meet." + d })),
            ["dialin"] = "https://dialin." + sipDomains[0],
        },
        ["mobility"] = false,
        ["sites"] = new JArray(new JObject { ["name"] = "Site1", ["pools"] = new JArray(pools) }),
    };

    public static JObject PoolOf(string fqdn, string role, params string[] servers)
    {
        var pool = new JObject { ["fqdn"] = fqdn, ["role"] = role };
        if (servers.Length > 0)
        {
            pool["servers"] = new JArray(servers);
        }

        return pool;
    }
}
