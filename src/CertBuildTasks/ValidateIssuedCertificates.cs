using System.Security.Cryptography;
using CertBuildTasks.Csr;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.IO;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using Microsoft.Build.Framework;

namespace CertBuildTasks.MSBuild;

/// <summary>
/// The CertValidateIssued target's task, the pre-deployment gate: judges the IssuedCertificate items
/// against the plan. Only when nothing fails does it record the issued certificates (issued.json,
/// plan.json) and, for centrally generated keys, write the PFX files into the key store.
/// </summary>
public sealed class ValidateIssuedCertificates : CertInputTask
{
    public ITaskItem[] IssuedCertificates { get; set; } = [];

    public ITaskItem[] TrustedRootCertificates { get; set; } = [];

    public bool RequireAllIssued { get; set; }

    [Required]
    public string PlanFile { get; set; } = string.Empty;

    [Required]
    public string IssuedFile { get; set; } = string.Empty;

    public bool GenerateCsr { get; set; }

    public string? KeyStorePath { get; set; }

    public string? KeyPasswordVariable { get; set; }

    protected override string Stage => "issued";

    protected override void ExecuteCore()
    {
        // A gate that does not pass leaves no record behind: what CertGenerate bundles was judged now.
        // A gate that passes rewrites the record only when it changed, so the stages after it stay
        // up to date when the same certificates pass again (the gate itself runs on every build).
        var recorded = false;
        try
        {
            recorded = Judge();
        }
        finally
        {
            if (!recorded && File.Exists(IssuedFile))
            {
                File.Delete(IssuedFile);
            }
        }
    }

    /// <returns>true when the gate passed and its record is written.</returns>
    private bool Judge()
    {
        var (topology, policy, problems) = LoadInputs();
        if (topology is null || policy is null)
        {
            Report(problems);
            return false;
        }

        if (PlanInputs(topology, policy) is not { } planned)
        {
            return false;
        }

        var (plan, _, now) = planned;
        var store = OpenKeyStore();
        var centralKeys = store is null ? new Dictionary<string, byte[]>() : PublicKeys(plan, store);
        var result = IssuedStage.Run(
            plan,
            [.. IssuedCertificates.Select(i => new IssuedStage.Input(i.GetMetadata("FullPath"), Metadata(i, "PlannedId")))],
            [.. TrustedRootCertificates.Select(r => new IssuedStage.RootInput(r.GetMetadata("FullPath"), Authority(r.GetMetadata("Authority")), Role(r.GetMetadata("Role"))))],
            now,
            RequireAllIssued,
            centralKeys,
            CancellationToken);

        // "Passed" counts errors as the project configures them, like the build's own verdict.
        var passed = result.Passed(d => Resolver.Resolve(d).Severity == DiagnosticSeverity.Error);
        var pfxProblems = store is null ? [] : WritePfxFiles(store, passed);
        Report([.. result.Diagnostics, .. pfxProblems]);
        if (Log.HasLoggedErrors)
        {
            return false; // the gate failed: nothing is recorded, the previous plan and scripts stay
        }

        CancellationToken.ThrowIfCancellationRequested();
        var records = passed.Select(j => new IssuedRecord(
            j.Match.Planned.Id,
            CertificateFacts.Thumbprint(j.Match.Issued.Certificate),
            new DateTimeOffset(j.Match.Issued.Certificate.NotBefore.ToUniversalTime()),
            new DateTimeOffset(j.Match.Issued.Certificate.NotAfter.ToUniversalTime()),
            Path.GetRelativePath(ProjectDirectory, j.Match.Issued.File).Replace('\\', '/'),
            j.Match.Issued.Certificate.RawData,
            j.ChainPath)).ToList();
        IssuedRecord.Save(IssuedFile, records);
        AtomicFile.WriteAllBytesIfChanged(PlanFile, PlanJsonWriter.Write(plan, ToolVersion, records.ToDictionary(r => r.Id, StringComparer.Ordinal)));
        Log.LogMessage(MessageImportance.High, "CertBuildTasks gate: {0} issued certificate(s) accepted for {1} planned certificate(s)", records.Count, plan.Certificates.Length);
        return true;
    }

    private KeyStore? OpenKeyStore()
    {
        if (!GenerateCsr || string.IsNullOrWhiteSpace(KeyStorePath) || string.IsNullOrWhiteSpace(KeyPasswordVariable))
        {
            return null;
        }

        var password = Environment.GetEnvironmentVariable(KeyPasswordVariable);
        return string.IsNullOrEmpty(password) ? null : new KeyStore(KeyStorePath, password);
    }

    /// <summary>The public keys of the stored keys, to recognise certificates issued from the build's CSRs.</summary>
    private static Dictionary<string, byte[]> PublicKeys(CertificatePlan plan, KeyStore store)
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var id in CsrStage.CentralKeyIds(plan).Where(store.Exists))
        {
            try
            {
                using var key = store.Load(id);
                keys[id] = key.ExportSubjectPublicKeyInfo();
            }
            catch (Exception ex) when (ex is CryptographicException or ArgumentException or IOException)
            {
                // CertGenerate reports an unusable key (CBT4005); matching falls back to names.
            }
        }

        return keys;
    }

    /// <summary>A PFX (3DES/SHA-1) beside each stored key whose certificate was issued and passed.</summary>
    private List<Diagnostic> WritePfxFiles(KeyStore store, IReadOnlyList<IssuedStage.Judged> passed)
    {
        var problems = new List<Diagnostic>();
        foreach (var match in passed.Select(j => j.Match).Where(m => store.Exists(m.Planned.Id)))
        {
            try
            {
                using var key = store.Load(match.Planned.Id);
                if (!key.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(match.Issued.Certificate.PublicKey.ExportSubjectPublicKeyInfo()))
                {
                    continue; // issued from a key made on the server, not from the build's CSR
                }

                store.WritePfx(match.Planned.Id, PfxWriter.Write(match.Issued.Certificate, key, store.Password));
                Log.LogMessage(MessageImportance.Normal, "CertBuildTasks wrote the PFX of {0} into the key store", match.Planned.Id);
            }
            catch (Exception ex) when (ex is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                problems.Add(Diagnostic.Create(CsrDiagnostics.KeyUnreadable, SourceLocation.File(store.PathOf(match.Planned.Id)), store.PathOf(match.Planned.Id), ex.Message));
            }
        }

        return problems;
    }


    private static AuthorityKind? Authority(string value) =>
        Enum.TryParse<AuthorityKind>(value, ignoreCase: true, out var kind) ? kind : null;

    private static bool? Role(string value) => value.ToUpperInvariant() switch
    {
        "ROOT" => true,
        "INTERMEDIATE" => false,
        _ => null,
    };
}
