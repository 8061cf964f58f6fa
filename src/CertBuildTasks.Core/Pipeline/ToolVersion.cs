using System.Reflection;

namespace CertBuildTasks.Pipeline;

/// <summary>
/// The version every output names (plan.json's generator, the manifest, SARIF): read from this
/// library, which the MSBuild tasks and the certbuild tool both ship, so the two can never disagree.
/// </summary>
public static class ToolVersion
{
    /// <summary>The informational version without its source-revision suffix (MinVer: from git).</summary>
    public static string Current { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
