using CertBuildTasks.Diagnostics;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Input;

/// <summary>Picks the reader by file extension and runs read → parse → schema → model.</summary>
public static class TopologyLoader
{
    public static LyncTopology? Load(string path, DiagnosticBag diagnostics)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".tbxml" or ".xml")
        {
            // Topology Builder / Get-CsTopology -AsXml import is its own capability (issue 7); until it
            // lands the user gets a clear diagnostic instead of a JSON parse error on XML.
            diagnostics.Add(InputDiagnostics.UnsupportedFormat, SourceLocation.File(path), InputKind.Topology.DisplayName(), path,
                "Topology Builder XML is not supported by this version; describe the topology in the JSON format (schemas/topology.schema.json)");
            return null;
        }

        if (extension != ".json")
        {
            diagnostics.Add(InputDiagnostics.UnsupportedFormat, SourceLocation.File(path), InputKind.Topology.DisplayName(), path,
                "use a .json topology (schemas/topology.schema.json)");
            return null;
        }

        var token = JsonInput.LoadValid(path, InputKind.Topology, diagnostics);
        return token is null ? null : TopologyJsonReader.Read(token, path);
    }
}
