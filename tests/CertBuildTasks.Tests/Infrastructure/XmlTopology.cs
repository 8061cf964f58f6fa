using CertBuildTasks.Input;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Topology;
using CertBuildTasks.Validation;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Tests.Infrastructure;

/// <summary>
/// Reads Topology Builder / published topology XML with the real validation stage: the two real
/// files of the workplace's shared/topologies folder (read in place, never copied) and this
/// project's hand-written fixtures.
/// </summary>
public static class XmlTopology
{
    public const string ContosoTbxml = SharedTopologies.ContosoTbxml;
    public const string OtcTbxml = SharedTopologies.OtcTbxml;

    /// <summary>A real Topology Builder file of the workplace's shared/topologies folder, read in place (<see cref="SharedTopologies"/>).</summary>
    public static string Shared(string fileName) => SharedTopologies.Path(fileName);

    public static string Fixture(string fileName) => Path.Combine(AppContext.BaseDirectory, "Topology", "Fixtures", fileName);

    public static ValidationResult Validate(string topologyPath, string? overridesPath = null) =>
        InputValidator.Validate(InputFileReader.Files, topologyPath, null, overridesPath);

    /// <summary>Validates (failing the test on errors) and plans with the built-in policy.</summary>
    public static (LyncTopology Topology, CertificatePlan Plan, IReadOnlyList<Diagnostic> Diagnostics) Plan(string topologyPath, string? overridesPath = null)
    {
        var validation = Validate(topologyPath, overridesPath);
        var errors = validation.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "validation failed: " + string.Join("; ", errors));
        var (plan, diagnostics) = PlanStage.Run(validation.Topology!, PolicyJsonReader.BuiltIn, Infrastructure.Plan.RequestTime);
        return (validation.Topology!, plan, [.. validation.Diagnostics, .. diagnostics]);
    }

    public static Pool Pool(LyncTopology topology, string fqdn) => topology.Pools.Single(p => p.Fqdn.Value == fqdn);

    public static IReadOnlyList<string> Values(IEnumerable<Located<string>> values) => [.. values.Select(v => v.Value)];
}
