using System.Diagnostics;

namespace CertBuildTasks.Tests.Infrastructure;

/// <summary>The real OpenSSL CLI (installed by .ci/run when missing), to verify CSRs and act as a test CA.</summary>
public static class OpenSsl
{
    public static string Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var output = stdout.Result + stderr.Result;
        Assert.True(process.ExitCode == 0, $"openssl {string.Join(' ', arguments)} failed ({process.ExitCode}): {output}");
        return output;
    }

    /// <summary>A throwaway CA: ca.key and ca.crt in <paramref name="directory"/>.</summary>
    public static void CreateCa(string directory) =>
        Run(directory, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-subj", "/CN=CertBuildTasks Test CA", "-days", "30",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");

    /// <summary>Issues a certificate from a CSR, copying its extensions (SANs, EKUs) as an enterprise CA would.</summary>
    public static void Issue(string directory, string csr, string certificate) =>
        Run(directory, "x509", "-req", "-in", csr, "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-sha256", "-days", "30", "-copy_extensions", "copy", "-out", certificate);
}
