using System.Security.Cryptography;
using CertBuildTasks.Bundle;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Generation;
using CertBuildTasks.IO;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using Microsoft.Build.Framework;

namespace CertBuildTasks.MSBuild;

/// <summary>
/// The CertBundle target's task: takes what the earlier stages staged (plan.json, servers/, global/),
/// adds report.html and manifest.json, and publishes the bundle folder and its deterministic zip
/// atomically: a failed or cancelled build leaves the previous bundle intact.
/// </summary>
public sealed class CreateCertificateBundle : CertInputTask
{
    [Required]
    public string StagingDirectory { get; set; } = string.Empty;

    [Required]
    public string BundleDirectory { get; set; } = string.Empty;

    [Required]
    public string ZipFile { get; set; } = string.Empty;

    /// <summary>Every input whose SHA-256 the manifest records (topology, policy, issued certificates, roots).</summary>
    public ITaskItem[] InputFiles { get; set; } = [];

    public string? IssuedFile { get; set; }

    /// <summary>deployed.json of CertCheckDeployed, for the report's expiry timeline and drift table.</summary>
    public string? DeployedFile { get; set; }

    [Required]
    public string PublishedFilesList { get; set; } = string.Empty;

    protected override string Stage => "bundle";

    protected override void ExecuteCore()
    {
        var (topology, policy, problems) = LoadInputs();
        if (topology is null || policy is null)
        {
            Report(problems);
            return;
        }

        if (PlanInputs(topology, policy) is not { } planned)
        {
            return;
        }

        var plan = planned.Plan;
        var files = BundlePublisher.ReadFolder(StagingDirectory)
            .Where(f => f.RelativePath is not ManifestWriter.FileName and not "report.html")
            .ToList();
        var issued = IssuedRecord.Load(IssuedFile);
        var reported = DiagnosticsStore.LoadAll(IntermediateDirectory);
        files.Add(GeneratedFile.Text("report.html", ReportWriter.Write(plan, reported, issued, Deployed.DeployedRecord.Load(DeployedFile), ProjectDirectory, ToolVersion)));
        // Through the one bounded reader: an input that is a pipe or a device was refused by its stage and is not hashed.
        var inputs = InputFiles
            .Select(i => i.GetMetadata("FullPath"))
            .Distinct(StringComparer.Ordinal)
            .Select(p => (Path: p, Bytes: InputFile.ReadBytes(p, Input.InputFileReader.MaxFileBytes, out _)))
            .Where(x => x.Bytes is not null)
            .Select(x => (Path.GetRelativePath(ProjectDirectory, x.Path).Replace('\\', '/'), SHA256.HashData(x.Bytes!)))
            .ToList();
        files.Add(ManifestWriter.Write(files, inputs, ToolVersion));
        CancellationToken.ThrowIfCancellationRequested();

        BundlePublisher.Publish(BundleDirectory, ZipFile, files, CancellationToken);
        var published = files.Select(f => Path.GetFullPath(Path.Combine(BundleDirectory, f.RelativePath))).Append(Path.GetFullPath(ZipFile));
        AtomicFile.WriteAllBytesIfChanged(PublishedFilesList, System.Text.Encoding.UTF8.GetBytes(string.Join('\n', published) + "\n"));
        Report([]);
        Log.LogMessage(MessageImportance.High, "CertBuildTasks bundle: {0} files in {1} and {2}", files.Count, BundleDirectory, ZipFile);
    }
}
