namespace CertBuildTasks.Tests.Infrastructure;

/// <summary>The real OpenSSL CLI (installed by .ci/run when missing), to verify CSRs and act as a test CA.</summary>
public static class OpenSsl
{
    public static string Run(string workingDirectory, params string[] arguments)
    {
        var (exitCode, output) = ProcessRunner.Run("openssl", workingDirectory, arguments);
        Assert.True(exitCode == 0, $"openssl {string.Join(' ', arguments)} failed ({exitCode}): {output}");
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
