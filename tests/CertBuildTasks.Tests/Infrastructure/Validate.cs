using CertBuildTasks.Input;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Validation;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Infrastructure;

/// <summary>Runs the real validation stage on JSON written to temporary files.</summary>
public static class Validate
{
    public static Outcome Run(JObject topology, JObject? policy = null)
    {
        using var temp = new TempDirectory();
        var topologyText = SampleInputs.ToText(topology);
        var topologyPath = temp.Write("topology.json", topologyText);
        string? policyText = null;
        string? policyPath = null;
        if (policy is not null)
        {
            policyText = SampleInputs.ToText(policy);
            policyPath = temp.Write("policy.json", policyText);
        }

        var result = InputValidator.Validate(InputFileReader.Files, topologyPath, policyPath);
        return new Outcome(result, topologyText, policyText ?? string.Empty);
    }

    public sealed record Outcome(ValidationResult Result, string TopologyText, string PolicyText)
    {
        public IReadOnlyList<Diagnostic> Diagnostics => Result.Diagnostics;

        public IReadOnlyList<Diagnostic> Of(string id) => [.. Diagnostics.Where(d => d.Id == id)];

        public IReadOnlyList<string> Ids => [.. Diagnostics.Select(d => d.Id)];
    }
}
