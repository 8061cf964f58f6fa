using CertBuildTasks.Diagnostics;
using CertBuildTasks.Input;
using CertBuildTasks.IO;
using CertBuildTasks.Validation;
using Microsoft.Build.Framework;

namespace CertBuildTasks.MSBuild;

/// <summary>
/// The CertValidate target's task: validates the CertTopology and CertPolicy items, logs every
/// diagnostic and writes the SARIF log.
/// </summary>
public sealed class ValidateCertificateInputs : CertTask
{
    public ITaskItem[] TopologyFiles { get; set; } = [];

    public ITaskItem[] PolicyFiles { get; set; } = [];

    [Required]
    public string SarifLogPath { get; set; } = string.Empty;

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

        if (diagnostics.Count == 0)
        {
            var result = InputValidator.Validate(
                TopologyFiles[0].GetMetadata("FullPath"),
                PolicyFiles.Length == 1 ? PolicyFiles[0].GetMetadata("FullPath") : null,
                CancellationToken);
            diagnostics.AddRange(result.Diagnostics);
        }

        var reported = Report(diagnostics);
        CancellationToken.ThrowIfCancellationRequested();
        AtomicFile.WriteAllBytes(SarifLogPath, SarifLogWriter.Write(reported, ProjectDirectory, ToolVersion));
    }
}
