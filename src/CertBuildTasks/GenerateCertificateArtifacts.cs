using CertBuildTasks.Csr;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Generation;
using CertBuildTasks.IO;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using Microsoft.Build.Framework;

namespace CertBuildTasks.MSBuild;

/// <summary>
/// The CertGenerate target's task: certreq INF files, request and assignment scripts, runbooks and —
/// with CertGenerateCsr — CSRs, written into the bundle folder only when every check passed.
/// </summary>
public sealed class GenerateCertificateArtifacts : CertInputTask
{
    [Required]
    public string BundleDirectory { get; set; } = string.Empty;

    /// <summary>The list of generated files, one per line, read back by the targets for FileWrites.</summary>
    [Required]
    public string GeneratedFilesList { get; set; } = string.Empty;

    public bool GenerateCsr { get; set; }

    public string? KeyStorePath { get; set; }

    public string? KeyPasswordVariable { get; set; }

    /// <summary>Folders a key store may not be in: bin/, obj/, the bundle.</summary>
    public string[] OutputDirectories { get; set; } = [];

    /// <summary>issued.json of the last successful gate, when there is one.</summary>
    public string? IssuedFile { get; set; }

    /// <summary>deployed.json of CertCheckDeployed, when there are deployed certificates.</summary>
    public string? DeployedFile { get; set; }

    protected override string Stage => "generate";

    protected override void ExecuteCore()
    {
        var (topology, policy, problems) = LoadInputs();
        if (topology is null || policy is null)
        {
            Report(problems);
            return;
        }

        // The plan's own diagnostics were reported by CertPlan; planning again is cheap and deterministic.
        if (PlanInputs(topology, policy) is not { } planned)
        {
            return;
        }

        var plan = planned.Plan;
        var centralKeys = GenerateCsr ? CsrStage.CentralKeyIds(plan) : new HashSet<string>();
        var options = new GenerationOptions(centralKeys, IssuedRecord.Load(IssuedFile)) { Deployed = Deployed.DeployedRecord.Load(DeployedFile) };
        var (files, diagnostics) = GenerationStage.Run(plan, ToolVersion, options, CancellationToken);
        var all = diagnostics.ToList();
        var output = files.ToList();
        if (GenerateCsr && !diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            var password = string.IsNullOrWhiteSpace(KeyPasswordVariable) ? null : Environment.GetEnvironmentVariable(KeyPasswordVariable);
            var settings = new CsrStage.Settings(KeyStorePath, KeyPasswordVariable, password, [.. OutputDirectories, BundleDirectory], ProjectFile);
            var (csrs, csrDiagnostics) = CsrStage.Run(plan, settings, CancellationToken);
            output.AddRange(csrs);
            all.AddRange(csrDiagnostics);
        }

        Report(all);
        if (Log.HasLoggedErrors)
        {
            return;
        }

        CancellationToken.ThrowIfCancellationRequested();
        BundleFolderWriter.Write(BundleDirectory, output, [BundlePaths.ServersFolder, BundlePaths.GlobalFolder], CancellationToken);
        // The list makes the generated files (and, with CSRs, the stored keys) outputs of the target, so a
        // deleted file is made again on the next build.
        var paths = output.Select(f => Path.GetFullPath(Path.Combine(BundleDirectory, f.RelativePath)));
        if (GenerateCsr && KeyStorePath is not null)
        {
            var store = new KeyStore(KeyStorePath, string.Empty);
            paths = paths.Concat(centralKeys.Order(StringComparer.Ordinal).Select(store.PathOf));
        }

        AtomicFile.WriteAllBytes(GeneratedFilesList, System.Text.Encoding.UTF8.GetBytes(string.Join('\n', paths) + "\n"));
        Log.LogMessage(MessageImportance.Normal, "CertBuildTasks generated {0} files in {1}", output.Count, BundleDirectory);
    }
}
