using System.Reflection;

namespace CertBuildTasks.Generation;

/// <summary>The sections of ScriptHelpers.ps1 a generated script can carry, besides Core (always).</summary>
[Flags]
internal enum HelperSections
{
    None = 0,
    Native = 1,
    Store = 2,
    Requests = 4 | Native | Store,
    Platform = 64,
    Chain = 8 | Platform,
    Pfx = 16 | Platform,
    Lync = 32,
}

/// <summary>
/// The helper functions every generated script carries (no shared module to install), from the
/// embedded ScriptHelpers.ps1: a real PowerShell file, parsed and run by the tests like the scripts.
/// A script carries Core and the sections it asks for, so 10,000 servers' scripts stay small.
/// </summary>
internal static class ScriptHelpers
{
    private static readonly IReadOnlyDictionary<string, string[]> Sections = Load();

    public static IEnumerable<string> Lines(HelperSections wanted)
    {
        foreach (var (name, lines) in Sections)
        {
            if (name == "Core" || (Enum.TryParse<HelperSections>(name, out var section) && (wanted & section) == section && section != HelperSections.None))
            {
                foreach (var line in lines)
                {
                    yield return line;
                }

                yield return string.Empty;
            }
        }
    }

    private static Dictionary<string, string[]> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CertBuildTasks.Generation.ScriptHelpers.ps1")
            ?? throw new InvalidOperationException("ScriptHelpers.ps1 is not embedded");
        using var reader = new StreamReader(stream);
        var sections = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? name = null;
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("#region ", StringComparison.Ordinal))
            {
                name = line["#region ".Length..].Trim();
                lines.Clear();
            }
            else if (line.StartsWith("#endregion", StringComparison.Ordinal) && name is not null)
            {
                sections[name] = [.. lines];
                name = null;
            }
            else if (name is not null)
            {
                lines.Add(line);
            }
        }

        return sections;
    }
}
