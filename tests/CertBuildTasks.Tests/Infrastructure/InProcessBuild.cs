using Microsoft.Build.Execution;
using Microsoft.Build.Framework;

namespace CertBuildTasks.Tests.Infrastructure;

/// <summary>
/// Builds a project with the real MSBuild engine in this process and records what happened.
/// Internal on purpose: a public type implementing ILogger breaks xunit discovery before the
/// Locator has run (platform notes §5).
/// </summary>
internal static class InProcessBuild
{
    /// <param name="warnAsError">As the -warnaserror switch: the engine turns every warning into an error.</param>
    public static BuildRecord Run(string projectPath, string target = "CertBuild", IDictionary<string, string?>? properties = null, bool warnAsError = false)
    {
        var logger = new RecordingLogger();
        var parameters = new BuildParameters
        {
            Loggers = [logger],
            EnableNodeReuse = false,
            MaxNodeCount = 1,
            ResetCaches = true,
            DisableInProcNode = false,
            WarningsAsErrors = warnAsError ? new HashSet<string>(StringComparer.OrdinalIgnoreCase) : null,
        };
        var request = new BuildRequestData(projectPath, properties ?? new Dictionary<string, string?>(), null, [target], null);
        var result = BuildManager.DefaultBuildManager.Build(parameters, request);
        return new BuildRecord(result.OverallResult == BuildResultCode.Success, logger.Errors, logger.Warnings, logger.Messages, logger.TasksRun);
    }

    /// <summary>A minimal project (no SDK) that imports the CertBuildTasks props/targets from the source tree.</summary>
    public static string WriteProject(TempDirectory dir, string body, string extraProperties = "") => WriteProject(dir.Path, body, extraProperties);

    /// <param name="afterTargets">Imports or targets placed after the CertBuildTasks targets.</param>
    public static string WriteProject(string directory, string body, string extraProperties = "", string afterTargets = "")
    {
        var content = $"""
            <Project>
              <PropertyGroup>
                <CertBuildTasksAssemblyFile>{RepoPaths.TaskAssembly}</CertBuildTasksAssemblyFile>
                <IntermediateOutputPath>obj/</IntermediateOutputPath>
                <OutDir>bin/</OutDir>
                {extraProperties}
              </PropertyGroup>
              <Import Project="{RepoPaths.PropsFile}" />
              {body}
              <Import Project="{RepoPaths.TargetsFile}" />
              {afterTargets}
            </Project>
            """;
        var path = Path.Combine(directory, "test.proj");
        File.WriteAllText(path, content);
        return path;
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<BuildErrorEventArgs> Errors { get; } = [];

        public List<BuildWarningEventArgs> Warnings { get; } = [];

        public List<BuildMessageEventArgs> Messages { get; } = [];

        public List<string> TasksRun { get; } = [];

        public LoggerVerbosity Verbosity { get; set; } = LoggerVerbosity.Diagnostic;

        public string? Parameters { get; set; }

        public void Initialize(IEventSource eventSource)
        {
            eventSource.ErrorRaised += (_, e) => Errors.Add(e);
            eventSource.WarningRaised += (_, e) => Warnings.Add(e);
            eventSource.MessageRaised += (_, e) => Messages.Add(e);
            eventSource.TaskStarted += (_, e) => TasksRun.Add(e.TaskName);
        }

        public void Shutdown()
        {
        }
    }
}

internal sealed record BuildRecord(
    bool Succeeded,
    IReadOnlyList<BuildErrorEventArgs> Errors,
    IReadOnlyList<BuildWarningEventArgs> Warnings,
    IReadOnlyList<BuildMessageEventArgs> Messages,
    IReadOnlyList<string> TasksRun)
{
    public bool Ran(string taskName) => TasksRun.Contains(taskName);

    public IReadOnlyList<string> ErrorCodes => [.. Errors.Select(e => e.Code)];

    public IReadOnlyList<string> WarningCodes => [.. Warnings.Select(e => e.Code)];

    public string Describe() => string.Join(Environment.NewLine, Errors.Select(e => $"{e.File}({e.LineNumber},{e.ColumnNumber}): error {e.Code}: {e.Message}")
        .Concat(Warnings.Select(e => $"{e.File}({e.LineNumber},{e.ColumnNumber}): warning {e.Code}: {e.Message}")));
}
