using System.Text;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Input;
using CertBuildTasks.IO;
using CertBuildTasks.Topology;
using Microsoft.Build.Framework;

namespace CertBuildTasks.MSBuild;

/// <summary>
/// The CertConvertTopology target's task: writes the CertTopology (with CertTopologyOverrides laid
/// over it) in the JSON format, so an admin can leave Topology Builder XML behind and edit JSON.
/// It never overwrites a file unless asked to: the destination may hold the admin's edits.
/// </summary>
public sealed class ConvertCertificateTopology : CertInputTask
{
    [Required]
    public string OutputFile { get; set; } = string.Empty;

    public bool Overwrite { get; set; }

    [Output]
    public string ConvertedFile { get; private set; } = string.Empty;

    protected override string Stage => "convert";

    protected override void ExecuteCore()
    {
        var (topology, _, problems) = LoadInputs();
        if (topology is null)
        {
            Report(problems);
            return;
        }

        var destination = Path.GetFullPath(OutputFile);
        var refusal = string.Equals(destination, TopologyPath, StringComparison.OrdinalIgnoreCase)
            ? "it is the topology file itself"
            : File.Exists(destination) && !Overwrite
                ? "the file exists and may hold edits; delete it or build with -p:CertConvertOverwrite=true"
                : null;
        if (refusal is not null)
        {
            problems = [.. problems, Diagnostic.Create(InputDiagnostics.ConversionRefused, SourceLocation.File(TopologyPath!), destination, refusal)];
        }

        Report(problems);
        if (Log.HasLoggedErrors)
        {
            return;
        }

        AtomicFile.WriteAllBytes(destination, Encoding.UTF8.GetBytes(TopologyJsonWriter.Write(topology)));
        ConvertedFile = destination;
        Log.LogMessage(MessageImportance.High, "CertConvertTopology: wrote {0}", destination);
    }
}
