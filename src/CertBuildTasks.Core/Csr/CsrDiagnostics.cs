using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Csr;

/// <summary>What can stop CSR generation. None is configurable: a key must never land in the wrong place.</summary>
public static class CsrDiagnostics
{
    public static readonly DiagnosticDescriptor SettingsMissing = new(
        "CBT4003", "CSR generation is not configured", "CertGenerateCsr is true but {0}; no key was generated",
        DiagnosticCategory.Generation, DiagnosticSeverity.Error, IsConfigurable: false);

    public static readonly DiagnosticDescriptor KeyStoreInOutput = new(
        "CBT4004", "Key store inside build output", "CertKeyStorePath '{0}' is inside '{1}'; private keys must live outside bin/, obj/ and the bundle, which are cleaned and shipped",
        DiagnosticCategory.Generation, DiagnosticSeverity.Error, IsConfigurable: false);

    public static readonly DiagnosticDescriptor KeyUnreadable = new(
        "CBT4005", "Stored key cannot be used", "The stored key '{0}' cannot be used: {1}. It was left untouched; fix the password or move the file away to generate a new key",
        DiagnosticCategory.Generation, DiagnosticSeverity.Error, IsConfigurable: false);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [SettingsMissing, KeyStoreInOutput, KeyUnreadable];
}
