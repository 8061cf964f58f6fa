using CertBuildTasks.Diagnostics;
using CertBuildTasks.Input;
using CertBuildTasks.Topology;
using Microsoft.Build.Framework;

namespace CertBuildTasks.MSBuild;

/// <summary>
/// The CertConvertTopology target's task: writes the CertTopology (with CertTopologyOverrides laid
/// over it) in the JSON format (<see cref="TopologyConversion"/>), never over one of the build's inputs
/// and never over an existing file unless CertConvertOverwrite says so.
/// </summary>
public sealed class ConvertCertificateTopology : CertTask
{
    [Required]
    public string OutputFile { get; set; } = string.Empty;

    public bool Overwrite { get; set; }

    /// <summary>The topology schema as CertCopySchemas placed it: the converted file's "$schema" points there, relative to the file.</summary>
    public string? SchemaFile { get; set; }

    [Output]
    public string ConvertedFile { get; private set; } = string.Empty;

    protected override void ExecuteCore()
    {
        if (TopologyFiles.Length != 1 || TopologyOverridesFiles.Length > 1)
        {
            Report([Diagnostic.Create(InputDiagnostics.ItemCount, SourceLocation.File(Path.GetFullPath(ProjectFile)), "CertConvertTopology needs exactly one CertTopology item and at most one CertTopologyOverrides item")]);
            return;
        }

        var request = new TopologyConversion.Request(
            TopologyFiles[0].GetMetadata("FullPath"),
            TopologyOverridesFiles.Length == 1 ? TopologyOverridesFiles[0].GetMetadata("FullPath") : null,
            Path.GetFullPath(OutputFile, ProjectDirectory),
            Overwrite,
            SchemaFile,
            [.. PolicyFiles.Select(p => p.GetMetadata("FullPath")), ProjectFile]);
        var (json, diagnostics) = TopologyConversion.Prepare(request);
        Report(diagnostics);
        if (Log.HasLoggedErrors || json is null)
        {
            return;
        }

        if (TopologyConversion.Write(request, json) is { } problem)
        {
            Report([Diagnostic.Create(InputDiagnostics.ConversionRefused, SourceLocation.File(request.TopologyPath), request.Destination, problem)]);
            return;
        }

        ConvertedFile = request.Destination;
        Log.LogMessage(MessageImportance.High, "CertConvertTopology: wrote {0}", request.Destination);
    }
}
