namespace CertBuildTasks.Tests.Infrastructure;

/// <summary>Runs the dotnet CLI out of process, as a user would, for the few end-to-end smoke tests.</summary>
public static class DotNetCli
{
    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments) =>
        Run(workingDirectory, new Dictionary<string, string>(), arguments);

    /// <param name="environment">Variables the build sees besides the inherited ones (a planted secret, say).</param>
    public static (int ExitCode, string Output) Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        ProcessRunner.Run("dotnet", workingDirectory, arguments, start =>
        {
            // The in-process Locator sets MSBuild variables for this process; a child dotnet must not inherit them.
            foreach (var name in new[] { "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "DOTNET_HOST_PATH" })
            {
                start.Environment.Remove(name);
            }

            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
            start.Environment["UseSharedCompilation"] = "false";
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
        });
}
