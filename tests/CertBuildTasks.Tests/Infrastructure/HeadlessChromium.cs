namespace CertBuildTasks.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium, headless, kept off the network (the flags the machine notes give): loads a page
/// at a window width and returns the DOM after its scripts ran, or saves a screenshot. .ci/run installs
/// the chromium package.
/// </summary>
public static class HeadlessChromium
{
    private static string Executable =>
        new[] { Environment.GetEnvironmentVariable("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p))
        ?? throw new InvalidOperationException("Chromium is not installed (apt-get install chromium); .ci/run installs it");

    /// <summary>The DOM after the page's scripts ran, at a window of <paramref name="width"/> × <paramref name="height"/> CSS pixels.</summary>
    public static string DumpDom(string htmlFile, int width, int height = 900)
    {
        var (code, output) = Run(htmlFile, width, height, "--dump-dom");
        var start = output.IndexOf("<html", StringComparison.OrdinalIgnoreCase);
        var end = output.LastIndexOf("</html>", StringComparison.OrdinalIgnoreCase);
        Assert.True(code == 0 && start >= 0 && end > start, "Chromium did not render the page: " + output);
        return output[start..(end + "</html>".Length)];
    }

    public static void Screenshot(string htmlFile, string pngFile, int width, int height)
    {
        var (code, output) = Run(htmlFile, width, height, "--screenshot=" + Path.GetFullPath(pngFile));
        Assert.True(code == 0 && File.Exists(pngFile), "Chromium made no screenshot: " + output);
    }

    private static (int, string) Run(string htmlFile, int width, int height, string action)
    {
        var profile = Directory.CreateTempSubdirectory("chromium-profile-");
        try
        {
            return ProcessRunner.Run(Executable, Path.GetDirectoryName(Path.GetFullPath(htmlFile))!,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--allow-file-access-from-files", "--user-data-dir=" + profile.FullName, $"--window-size={width},{height}",
                action, new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri,
            ], timeout: TimeSpan.FromMinutes(2));
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
