using System.Text;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Input;
using CertBuildTasks.IO;
using CertBuildTasks.Topology;
using Microsoft.Build.Framework;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.MSBuild;

/// <summary>
/// The CertConvertTopology target's task: writes the CertTopology (with CertTopologyOverrides laid
/// over it) in the JSON format, so an admin can leave Topology Builder XML behind and edit JSON.
/// It never overwrites a file unless asked to, and never one of its own inputs: the destination may
/// hold the admin's edits.
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

    private string? TopologyPath => TopologyFiles.Length == 1 ? TopologyFiles[0].GetMetadata("FullPath") : null;

    private string? PolicyPath => PolicyFiles.Length == 1 ? PolicyFiles[0].GetMetadata("FullPath") : null;

    private string? OverridesPath => TopologyOverridesFiles.Length == 1 ? TopologyOverridesFiles[0].GetMetadata("FullPath") : null;

    protected override void ExecuteCore()
    {
        var bag = new DiagnosticBag();
        if (TopologyPath is null || TopologyOverridesFiles.Length > 1)
        {
            bag.Add(InputDiagnostics.ItemCount, SourceLocation.File(Path.GetFullPath(ProjectFile)), "CertConvertTopology needs exactly one CertTopology item and at most one CertTopologyOverrides item");
            Report(bag.Items);
            return;
        }

        // The warnings matter here (an assumed product version, missing simple URLs): the JSON would
        // state them as facts, so they are reported, not only the errors.
        var topology = TopologyLoader.Load(InputFileReader.Files, TopologyPath, OverridesPath, bag);
        var destination = Path.GetFullPath(OutputFile, ProjectDirectory);
        string? json = null;
        if (topology is not null)
        {
            json = TopologyJsonWriter.Write(topology, SchemaReference(destination));
            CheckDestination(destination, bag);

            // The JSON must be a topology the JSON reader accepts (the XML has none of the schema's limits).
            // Strings stay strings: a site named like a date would otherwise be parsed as one (and a date
            // beyond year 9999 in UTC would throw).
            using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
            SchemaValidator.Validate(JToken.ReadFrom(reader), destination, InputKind.Topology, bag);
        }

        Report(bag.Items);
        if (Log.HasLoggedErrors || json is null)
        {
            return;
        }

        try
        {
            AtomicFile.WriteAllBytes(destination, Encoding.UTF8.GetBytes(json));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Report([Diagnostic.Create(InputDiagnostics.ConversionRefused, SourceLocation.File(TopologyPath), destination, ex.Message)]);
            return;
        }

        ConvertedFile = destination;
        Log.LogMessage(MessageImportance.High, "CertConvertTopology: wrote {0}", destination);
    }

    /// <summary>The schema's path relative to the converted file, as editors resolve "$schema" ('/'-separated); null without one.</summary>
    private string? SchemaReference(string destination)
    {
        if (string.IsNullOrWhiteSpace(SchemaFile) || !File.Exists(SchemaFile))
        {
            return null;
        }

        var relative = Path.GetRelativePath(Path.GetDirectoryName(destination)!, Path.GetFullPath(SchemaFile)).Replace('\\', '/');
        return Path.IsPathRooted(relative) ? new Uri(relative).AbsoluteUri : relative;
    }

    private static readonly HashSet<string> SdkFiles = new(StringComparer.OrdinalIgnoreCase) { "global.json", "package.json", "dotnet-tools.json", "launchSettings.json", "project.assets.json" };

    private void CheckDestination(string destination, DiagnosticBag bag)
    {
        var inputs = new[] { TopologyPath, OverridesPath, PolicyPath, ProjectFile }.OfType<string>();
        var name = Path.GetFileName(destination);
        var refusal = inputs.Any(i => string.Equals(Path.GetFullPath(i), destination, StringComparison.OrdinalIgnoreCase))
            ? "it is one of the build's inputs"
            // Only a .json file: the project, Directory.Build.*, .editorconfig and .globalconfig are out of
            // reach whatever CertConvertOverwrite says, and so are the SDK's own JSON files.
            : !name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                ? "the converted topology is a .json file; name one"
            : SdkFiles.Contains(name) || name.EndsWith(".deps.json", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".runtimeconfig.json", StringComparison.OrdinalIgnoreCase)
                ? "it is a file the .NET SDK reads"
            : Directory.Exists(destination)
                ? "it is a folder"
                : File.Exists(destination) && !Overwrite
                    ? "the file exists and may hold edits; delete it or build with -p:CertConvertOverwrite=true"
                    : null;
        if (refusal is not null)
        {
            bag.Add(InputDiagnostics.ConversionRefused, SourceLocation.File(TopologyPath!), destination, refusal);
        }
    }
}
