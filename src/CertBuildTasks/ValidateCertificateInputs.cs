using CertBuildTasks.Diagnostics;
using CertBuildTasks.Input;
using CertBuildTasks.Validation;

namespace CertBuildTasks.MSBuild;

/// <summary>
/// The CertValidate target's task: validates the CertTopology and CertPolicy items, logs every
/// diagnostic and writes the SARIF log.
/// </summary>
public sealed class ValidateCertificateInputs : CertInputTask
{
    protected override string Stage => "validate";

    protected override bool ReportsConfigurationProblems => true;

    protected override void ExecuteCore()
    {
        var diagnostics = new List<Diagnostic>();
        var projectLocation = SourceLocation.File(Path.GetFullPath(ProjectFile));
        if (TopologyFiles.Length != 1)
        {
            diagnostics.Add(Diagnostic.Create(InputDiagnostics.ItemCount, projectLocation,
                TopologyFiles.Length == 0
                    ? "No CertTopology item: add exactly one, e.g. <CertTopology Include=\"topology.json\" />"
                    : $"{TopologyFiles.Length} CertTopology items ({string.Join(", ", TopologyFiles.Select(i => i.ItemSpec))}); exactly one is allowed"));
        }

        if (PolicyFiles.Length > 1)
        {
            diagnostics.Add(Diagnostic.Create(InputDiagnostics.ItemCount, projectLocation,
                $"{PolicyFiles.Length} CertPolicy items ({string.Join(", ", PolicyFiles.Select(i => i.ItemSpec))}); at most one is allowed"));
        }

        if (TopologyOverridesFiles.Length > 1)
        {
            diagnostics.Add(Diagnostic.Create(InputDiagnostics.ItemCount, projectLocation,
                $"{TopologyOverridesFiles.Length} CertTopologyOverrides items ({string.Join(", ", TopologyOverridesFiles.Select(i => i.ItemSpec))}); at most one is allowed"));
        }

        if (diagnostics.Count == 0)
        {
            diagnostics.AddRange(InputValidator.Validate(TopologyPath!, PolicyPath, OverridesPath, CancellationToken).Diagnostics);
        }

        Report(diagnostics);
    }
}
