using CertBuildTasks.Input;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Policy;

namespace CertBuildTasks.Policy;

/// <summary>Runs text → parse → schema → model for the certificate policy.</summary>
public static class PolicyLoader
{
    public static CertificatePolicy? Load(InputTextSource source, string path, DiagnosticBag diagnostics) => ReaderGuard.Read(path, diagnostics, null, () =>
    {
        var token = JsonInput.LoadValid(source, path, InputKind.Policy, diagnostics);
        return token is null ? null : PolicyJsonReader.Read(token, path);
    });
}
