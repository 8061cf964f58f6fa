namespace CertBuildTasks.Tests.Infrastructure;

/// <summary>
/// The real SARIF Multitool (npm @microsoft/sarif-multitool-linux, its native binary called directly:
/// the npm wrapper passes arguments through sh unquoted). Found in SARIF_MULTITOOL, else in the
/// repository's .tools/ folder, installed there with npm on first use (.ci/run installs it first).
/// </summary>
public static class SarifMultitool
{
    private const string Package = "@microsoft/sarif-multitool-linux@5.7.0";
    private static readonly object Lock = new();

    public static string Path()
    {
        if (Environment.GetEnvironmentVariable("SARIF_MULTITOOL") is { Length: > 0 } given && File.Exists(given))
        {
            return given;
        }

        var tools = System.IO.Path.Combine(RepoPaths.Root, ".tools");
        var binary = System.IO.Path.Combine(tools, "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");
        lock (Lock)
        {
            if (!File.Exists(binary))
            {
                Directory.CreateDirectory(tools);
                var (code, output) = ProcessRunner.Run("npm", tools, ["install", "--silent", "--no-audit", "--no-fund", "--prefix", tools, Package], timeout: TimeSpan.FromMinutes(5));
                Assert.True(code == 0 && File.Exists(binary), "npm could not install " + Package + ": " + output);
            }
        }

        return binary;
    }

    /// <summary>The problems `validate --rule-kind "Sarif;Gh;Ghas"` reports at error and warning level, one line each.</summary>
    public static List<string> Problems(string sarifFile)
    {
        var output = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cbt-sarif-validation-" + Guid.NewGuid().ToString("N") + ".sarif");
        try
        {
            var (_, text) = ProcessRunner.Run(Path(), System.IO.Path.GetDirectoryName(sarifFile)!, ["validate", sarifFile, "--rule-kind", "Sarif;Gh;Ghas", "--level", "Error;Warning", "--output", output], timeout: TimeSpan.FromMinutes(2));
            Assert.True(File.Exists(output), "the Multitool wrote no validation log: " + text);
            return [.. text.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @": (error|warning) (SARIF|GH)\d+"))];
        }
        finally
        {
            File.Delete(output);
        }
    }
}
