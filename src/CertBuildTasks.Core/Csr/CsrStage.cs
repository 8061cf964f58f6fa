using System.Collections.Concurrent;
using System.Security.Cryptography;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Generation;
using CertBuildTasks.Planning;

namespace CertBuildTasks.Csr;

/// <summary>
/// CertGenerateCsr: a CSR for every certificate whose key may be generated centrally (the exportable
/// ones). Keys come from the key store (reused) or are generated in parallel and stored encrypted
/// before any CSR is returned. Without a store path or a password nothing is generated.
/// </summary>
public static class CsrStage
{
    public sealed record Settings(string? KeyStorePath, string? PasswordVariable, string? Password, IReadOnlyList<string> OutputDirectories, string ProjectFile);

    /// <summary>The certificates whose key the build generates: the exportable ones.</summary>
    public static IReadOnlySet<string> CentralKeyIds(CertificatePlan plan) =>
        plan.Certificates.Where(c => c.ExportablePrivateKey).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// A new RSA key, given up when the build is cancelled: a 16384-bit key takes minutes and the
    /// platform's generation cannot be interrupted, so the build returns at once and the abandoned
    /// generation ends on its own (nothing is stored from it).
    /// </summary>
    private static RSA GenerateKey(int size, CancellationToken cancellationToken)
    {
        var generation = Task.Run(
            () =>
            {
                // RSA.Create(size) makes the key when it is first used (OpenSSL): use it here, in the task.
                var key = RSA.Create(size);
                _ = key.ExportSubjectPublicKeyInfo();
                return key;
            },
            CancellationToken.None);
        try
        {
            generation.Wait(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _ = generation.ContinueWith(t => t.Result.Dispose(), TaskContinuationOptions.OnlyOnRanToCompletion);
            throw;
        }
        catch (AggregateException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
        }

        return generation.Result;
    }

    public static (IReadOnlyList<GeneratedFile> Files, IReadOnlyList<Diagnostic> Diagnostics) Run(CertificatePlan plan, Settings settings, CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag();
        var project = SourceLocation.File(settings.ProjectFile);
        if (string.IsNullOrWhiteSpace(settings.KeyStorePath))
        {
            diagnostics.Add(CsrDiagnostics.SettingsMissing, project, "CertKeyStorePath is not set (a folder outside bin/ and obj/ for the encrypted keys)");
        }

        if (string.IsNullOrWhiteSpace(settings.PasswordVariable))
        {
            diagnostics.Add(CsrDiagnostics.SettingsMissing, project, "CertKeyPasswordVariable is not set (the name of the environment variable that holds the key password)");
        }
        else if (string.IsNullOrEmpty(settings.Password))
        {
            diagnostics.Add(CsrDiagnostics.SettingsMissing, project, $"the environment variable '{settings.PasswordVariable}' named by CertKeyPasswordVariable is empty or not set");
        }

        if (diagnostics.HasErrors)
        {
            return ([], diagnostics.Items);
        }

        var store = new KeyStore(settings.KeyStorePath!, settings.Password!);
        // Windows and macOS file systems ignore case: bin\Keys is inside BIN\.
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var output in settings.OutputDirectories.Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => Path.GetFullPath(d)))
        {
            var root = output.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            if ((store.Directory + Path.DirectorySeparatorChar).StartsWith(root, comparison))
            {
                diagnostics.Add(CsrDiagnostics.KeyStoreInOutput, project, settings.KeyStorePath, output);
                return ([], diagnostics.Items);
            }
        }

        var central = CentralKeyIds(plan);
        var certificates = plan.Certificates.Where(c => central.Contains(c.Id)).ToList();
        var csrs = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var problems = new ConcurrentBag<Diagnostic>();
        try
        {
            Generate(certificates, store, csrs, problems, cancellationToken);
        }
        catch (AggregateException ex) when (cancellationToken.IsCancellationRequested && ex.InnerExceptions.All(e => e is OperationCanceledException))
        {
            throw new OperationCanceledException(cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        diagnostics.AddRange(problems);
        var files = certificates.Where(c => csrs.ContainsKey(c.Id)).Select(c => GeneratedFile.Text(BundlePaths.Csr(c), csrs[c.Id])).ToList();
        return (files, diagnostics.Sorted());
    }

    private static void Generate(List<PlannedCertificate> certificates, KeyStore store, ConcurrentDictionary<string, string> csrs, ConcurrentBag<Diagnostic> problems, CancellationToken cancellationToken) =>
        Parallel.ForEach(
            certificates,
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            c =>
            {
                RSA? key = null;
                try
                {
                    if (store.Exists(c.Id))
                    {
                        key = store.Load(c.Id);
                        if (key.KeySize != c.KeySize)
                        {
                            problems.Add(Diagnostic.Create(CsrDiagnostics.KeyUnreadable, SourceLocation.File(store.PathOf(c.Id)), store.PathOf(c.Id), $"it is a {key.KeySize}-bit key but the plan asks for {c.KeySize} bits"));
                            return;
                        }
                    }
                    else
                    {
                        key = GenerateKey(c.KeySize, cancellationToken);
                        if (!store.TrySaveNew(c.Id, key))
                        {
                            key.Dispose();
                            key = store.Load(c.Id);
                        }
                    }

                    csrs[c.Id] = CsrBuilder.Build(c, key);
                }
                catch (Exception ex) when (ex is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
                {
                    problems.Add(Diagnostic.Create(CsrDiagnostics.KeyUnreadable, SourceLocation.File(store.PathOf(c.Id)), store.PathOf(c.Id), ex.Message));
                }
                finally
                {
                    key?.Dispose();
                }
            });
}
