using CertBuildTasks.Input;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Topology;
using CertBuildTasks.Topology.Xml;

namespace CertBuildTasks.Topology;

/// <summary>
/// Picks the reader by file extension (.json: own schema; .tbxml/.xml: Topology Builder or published
/// topology), then lays the optional overrides file over the result.
/// </summary>
public static class TopologyLoader
{
    public static LyncTopology? Load(InputTextSource source, string path, DiagnosticBag diagnostics) => Load(source, path, null, diagnostics);

    public static LyncTopology? Load(InputTextSource source, string path, string? overridesPath, DiagnosticBag diagnostics)
    {
        // Both files are read even when the overrides are broken: every problem is reported in one run.
        TopologyOverrides? overrides = null;
        var overridesBroken = false;
        if (overridesPath is not null)
        {
            var overridesToken = ReaderGuard.Read(overridesPath, diagnostics, null, () => JsonInput.LoadValid(source, overridesPath, InputKind.TopologyOverrides, diagnostics));
            overridesBroken = overridesToken is null;
            overrides = overridesToken is null ? null : ReaderGuard.Read(overridesPath, diagnostics, null, () => TopologyOverridesReader.Read(overridesToken, overridesPath));
            overridesBroken |= overrides is null;
        }

        var topology = ReaderGuard.Read(path, diagnostics, null, () => LoadTopology(source, path, overrides, diagnostics));
        if (topology is null || overridesBroken)
        {
            return null;
        }

        return overrides is null ? topology : ReaderGuard.Read(overridesPath!, diagnostics, null, () => TopologyOverridesApplier.Apply(topology, overrides, diagnostics));
    }

    public static bool IsXml(string path) => Path.GetExtension(path).ToLowerInvariant() is ".tbxml" or ".xml";

    private static LyncTopology? LoadTopology(InputTextSource source, string path, TopologyOverrides? overrides, DiagnosticBag diagnostics)
    {
        if (IsXml(path))
        {
            var text = source(path, InputKind.Topology, diagnostics);
            return text is null ? null : TopologyXmlReader.Read(text, path, overrides, diagnostics);
        }

        if (!string.Equals(Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(InputDiagnostics.UnsupportedFormat, SourceLocation.File(path), InputKind.Topology.DisplayName(), path,
                "use a .json topology (schemas/topology.schema.json), a Topology Builder .tbxml file or a Get-CsTopology -AsXml .xml document");
            return null;
        }

        var token = JsonInput.LoadValid(source, path, InputKind.Topology, diagnostics);
        return token is null ? null : TopologyJsonReader.Read(token, path);
    }
}
