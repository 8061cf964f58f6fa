using System.Collections.Immutable;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Pipeline;
using CertBuildTasks.Policy;
using Microsoft.Build.Framework;

namespace CertBuildTasks.MSBuild;

/// <summary>
/// A task that works on the build's pipeline. Every such task takes the same parameters (the targets
/// pass them all), so the tasks of one build share one <see cref="CertificatePipeline"/>: the inputs are
/// read and validated once and planned once, and a stage run on its own computes what it needs through
/// the same pipeline. The build state and the SARIF log are kept here.
/// </summary>
public abstract class CertPipelineTask : CertTask
{
    private CertificatePipeline? _pipeline;

    /// <summary>How many stages the pipeline had computed before this task asked for it.</summary>
    protected int ComputedBefore { get; private set; }

    /// <summary>obj/…/certbuild/: the build state (see BuildState).</summary>
    [Required]
    public string IntermediateDirectory { get; set; } = string.Empty;

    [Required]
    public string SarifLogPath { get; set; } = string.Empty;

    /// <summary>CertValidationTime: Unix seconds or ISO 8601; the targets pass the build time when it is not set.</summary>
    public string? ValidationTime { get; set; }

    public ITaskItem[] IssuedCertificates { get; set; } = [];

    public ITaskItem[] TrustedRootCertificates { get; set; } = [];

    public bool RequireAllIssued { get; set; }

    public ITaskItem[] DeployedCertificates { get; set; } = [];

    public bool GenerateCsr { get; set; }

    public string? KeyStorePath { get; set; }

    public string? KeyPasswordVariable { get; set; }

    /// <summary>Folders a key store may not be in: bin/, obj/, the bundle.</summary>
    public string[] OutputDirectories { get; set; } = [];

    protected BuildState State => new(IntermediateDirectory);

    /// <summary>The pipeline of this build, shared with the other stage tasks given the same parameters.</summary>
    protected CertificatePipeline Pipeline
    {
        get
        {
            if (_pipeline is null)
            {
                _pipeline = PipelineSessions.For(BuildEngine, Inputs());
                ComputedBefore = _pipeline.Computed.Count;
            }

            return _pipeline;
        }
    }

    protected override PipelineInputs Inputs() => base.Inputs() with
    {
        RulesHelpBase = HelpBase(),
        ValidationTime = ValidationTime,
        Issued = [.. IssuedCertificates.Select(i => new IssuedStage.Input(i.GetMetadata("FullPath"), Metadata(i, "PlannedId")))],
        Roots = [.. TrustedRootCertificates.Select(r => new IssuedStage.RootInput(r.GetMetadata("FullPath"), IssuedStage.RootInput.ParseAuthority(r.GetMetadata("Authority")), IssuedStage.RootInput.ParseRole(r.GetMetadata("Role"))))],
        RequireAllIssued = RequireAllIssued,
        Deployed = [.. DeployedCertificates.Select(i => new DeployedStage.Input(i.GetMetadata("FullPath"), Metadata(i, "Server"), Metadata(i, "Use"), Metadata(i, "PlannedId")))],
        Keys = GenerateCsr ? new KeySettings(KeyStorePath, KeyPasswordVariable, [.. OutputDirectories.Where(d => !string.IsNullOrWhiteSpace(d))]) : null,
    };

    /// <summary>The SARIF log holds every stage's stored findings: those of this build and those of stages it skipped.</summary>
    protected void WriteSarif()
    {
        var stored = State.LoadDiagnostics();
        State.MarkReplay(stored);
        IO.AtomicFile.WriteAllBytesIfChanged(SarifLogPath, SarifLogWriter.WriteForProject([.. stored.Select(Effective)], ProjectFile, ToolVersion, HelpBase()));
    }
}
