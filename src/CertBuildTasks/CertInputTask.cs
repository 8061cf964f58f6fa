using CertBuildTasks.Diagnostics;
using CertBuildTasks.Input;
using CertBuildTasks.Policy;
using CertBuildTasks.Topology;
using Microsoft.Build.Framework;

namespace CertBuildTasks.MSBuild;

/// <summary>A task that reads the CertTopology and CertPolicy items.</summary>
public abstract class CertInputTask : CertTask
{
    public ITaskItem[] TopologyFiles { get; set; } = [];

    public ITaskItem[] PolicyFiles { get; set; } = [];

    /// <summary>The optional CertTopologyOverrides item: facts the topology XML does not carry.</summary>
    public ITaskItem[] TopologyOverridesFiles { get; set; } = [];

    protected string? TopologyPath => TopologyFiles.Length == 1 ? TopologyFiles[0].GetMetadata("FullPath") : null;

    protected string? PolicyPath => PolicyFiles.Length == 1 ? PolicyFiles[0].GetMetadata("FullPath") : null;

    protected string? OverridesPath => TopologyOverridesFiles.Length == 1 ? TopologyOverridesFiles[0].GetMetadata("FullPath") : null;

    /// <summary>
    /// Reads and validates both inputs again for a later stage. In a build CertValidate has already
    /// accepted them and reported their warnings, so nothing is reported here; a stage called on inputs
    /// with errors (after the project's severity configuration) works on nothing and reports those
    /// errors, never half-plans an invalid topology.
    /// </summary>
    protected (LyncTopology? Topology, CertificatePolicy? Policy, IReadOnlyList<Diagnostic> Problems) LoadInputs()
    {
        if (TopologyPath is null || PolicyFiles.Length > 1 || TopologyOverridesFiles.Length > 1)
        {
            var bag = new DiagnosticBag();
            bag.Add(InputDiagnostics.ItemCount, SourceLocation.File(Path.GetFullPath(ProjectFile)), "Exactly one CertTopology item and at most one CertPolicy and one CertTopologyOverrides item are needed");
            return (null, null, bag.Items);
        }

        var validation = Validation.InputValidator.Validate(TopologyPath, PolicyPath, OverridesPath, CancellationToken);
        var errors = Resolver.ResolveAll(validation.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return errors.Count > 0 || validation.Topology is null || validation.Policy is null
            ? (null, null, errors)
            : (validation.Topology, validation.Policy, []);
    }

    /// <summary>CertValidationTime: Unix seconds or ISO 8601; the targets pass the build time when it is not set.</summary>
    public string? ValidationTime { get; set; }

    /// <summary>
    /// The instant clock-dependent checks judge at and requests are dated with (CertValidationTime,
    /// default now); reports CBT3004 and returns false when the property cannot be read.
    /// </summary>
    protected bool TryGetValidationTime(out DateTimeOffset time)
    {
        if (Issued.ValidationTime.TryParse(ValidationTime, DateTimeOffset.UtcNow, out time))
        {
            return true;
        }

        Report([Diagnostic.Create(Issued.IssuedDiagnostics.ValidationTimeInvalid, SourceLocation.File(Path.GetFullPath(ProjectFile)), ValidationTime)]);
        return false;
    }

    /// <summary>
    /// The plan of valid inputs at CertValidationTime (the requests' month names the certificates);
    /// null, with CBT3004 reported, when that time cannot be read.
    /// </summary>
    protected (Planning.CertificatePlan Plan, IReadOnlyList<Diagnostic> Diagnostics, DateTimeOffset Now)? PlanInputs(LyncTopology topology, CertificatePolicy policy)
    {
        if (!TryGetValidationTime(out var now))
        {
            return null;
        }

        var (plan, diagnostics) = Planning.PlanStage.Run(topology, policy, now, CancellationToken);
        return (plan, diagnostics, now);
    }

    /// <summary>Item metadata, or null when it is empty (MSBuild gives "" for metadata that is not set).</summary>
    protected static string? Metadata(ITaskItem item, string name) =>
        item.GetMetadata(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;
}
