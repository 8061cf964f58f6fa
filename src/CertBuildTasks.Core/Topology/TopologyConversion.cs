using System.Text;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Input;
using CertBuildTasks.IO;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Topology;

/// <summary>
/// Writes a topology (Topology Builder XML, with its overrides laid over it) in the JSON format, so an
/// admin can leave the XML behind and edit JSON: the CertConvertTopology target and `certbuild convert`.
/// It never overwrites a file unless asked to, and never one of its own inputs: the destination may
/// hold the admin's edits.
/// </summary>
public static class TopologyConversion
{
    /// <param name="Protected">Files that are never a destination besides the topology and overrides (the policy, the project).</param>
    /// <param name="SchemaFile">The topology schema on disk: the converted file's "$schema" points there, relative to the file.</param>
    /// <param name="OverwriteHint">How the front end that runs asks to overwrite, for the refusal's message.</param>
    public sealed record Request(string TopologyPath, string? OverridesPath, string Destination, bool Overwrite, string? SchemaFile, IReadOnlyList<string> Protected, string OverwriteHint = "build with -p:CertConvertOverwrite=true");

    /// <summary>
    /// The converted text and what was found. The warnings matter here (an assumed product version,
    /// missing simple URLs): the JSON would state them as facts, so the front end reports them all,
    /// and writes only when no error remains after its severity configuration.
    /// </summary>
    public static (byte[]? Json, IReadOnlyList<Diagnostic> Diagnostics) Prepare(Request request)
    {
        var bag = new DiagnosticBag();
        var topology = TopologyLoader.Load(InputFileReader.Files, request.TopologyPath, request.OverridesPath, bag);
        if (topology is null)
        {
            return (null, bag.Items);
        }

        var destination = Path.GetFullPath(request.Destination);
        var json = TopologyJsonWriter.Write(topology, SchemaReference(destination, request.SchemaFile));
        if (Refusal(request, destination) is { } refusal)
        {
            bag.Add(InputDiagnostics.ConversionRefused, SourceLocation.File(request.TopologyPath), destination, refusal);
        }

        // The JSON must be a topology the JSON reader accepts (the XML has none of the schema's limits).
        // Strings stay strings: a site named like a date would otherwise be parsed as one (and a date
        // beyond year 9999 in UTC would throw).
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        SchemaValidator.Validate(JToken.ReadFrom(reader), destination, InputKind.Topology, bag);
        return (Encoding.UTF8.GetBytes(json), bag.Items);
    }

    /// <summary>Writes the converted text atomically; what the file system said when it refused, else null (the front end reports it its way).</summary>
    public static string? Write(Request request, byte[] json)
    {
        try
        {
            AtomicFile.WriteAllBytes(Path.GetFullPath(request.Destination), json);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }

    /// <summary>The schema's path relative to the converted file, as editors resolve "$schema" ('/'-separated); null without one.</summary>
    private static string? SchemaReference(string destination, string? schemaFile)
    {
        if (string.IsNullOrWhiteSpace(schemaFile) || !File.Exists(schemaFile))
        {
            return null;
        }

        var relative = Path.GetRelativePath(Path.GetDirectoryName(destination)!, Path.GetFullPath(schemaFile)).Replace('\\', '/');
        return Path.IsPathRooted(relative) ? new Uri(relative).AbsoluteUri : relative;
    }

    private static readonly HashSet<string> SdkFiles = new(StringComparer.OrdinalIgnoreCase) { "global.json", "package.json", "dotnet-tools.json", "launchSettings.json", "project.assets.json" };

    private static string? Refusal(Request request, string destination)
    {
        var inputs = new[] { request.TopologyPath, request.OverridesPath }.Concat(request.Protected).OfType<string>();
        var name = Path.GetFileName(destination);
        return inputs.Any(i => string.Equals(Path.GetFullPath(i), destination, StringComparison.OrdinalIgnoreCase))
            ? "it is one of the build's inputs"
            // Only a .json file: the project, Directory.Build.*, .editorconfig and .globalconfig are out of
            // reach whatever the overwrite switch says, and so are the SDK's own JSON files.
            : !name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                ? "the converted topology is a .json file; name one"
            : SdkFiles.Contains(name) || name.EndsWith(".deps.json", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".runtimeconfig.json", StringComparison.OrdinalIgnoreCase)
                ? "it is a file the .NET SDK reads"
            : Directory.Exists(destination)
                ? "it is a folder"
                : File.Exists(destination) && !request.Overwrite
                    ? "the file exists and may hold edits; delete it or " + request.OverwriteHint
                    : null;
    }
}
