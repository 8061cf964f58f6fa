using System.Collections.Immutable;
using System.Security.Cryptography;
using CertBuildTasks.Bundle;
using CertBuildTasks.Csr;
using CertBuildTasks.Deployed;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Generation;
using CertBuildTasks.Input;
using CertBuildTasks.IO;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Validation;

namespace CertBuildTasks.Pipeline;

/// <summary>
/// One build of one project: owns the order read → validate → plan → gate → deployed check → generate
/// → bundle, runs each stage at most once (a stage asked for by a later one is the same result), stops
/// a stage whose input stage failed, and applies the project's severity configuration to every finding.
/// Front ends (the MSBuild tasks, a command line) only map their parameters to <see cref="PipelineInputs"/>,
/// report what a stage found, and keep or publish its result.
/// </summary>
/// <param name="progress">Told when a stage starts and how far a long one got; null for a build, which logs no progress.</param>
public sealed class CertificatePipeline(PipelineInputs inputs, PipelineProgress? progress = null)
{
    private readonly object _lock = new();
    private (SeverityConfiguration Files, SeverityResolver Resolver)? _severity;
    private StageResult<ValidatedInputs>? _validated;
    private StageResult<PlanOutcome>? _planned;
    private StageResult<GateOutcome>? _gated;
    private StageResult<DeployedOutcome>? _deployed;
    private StageResult<GenerationOutcome>? _generated;
    private readonly List<PipelineStage> _computed = [];
    private readonly Dictionary<string, byte[]?> _inputDigests = new(StringComparer.Ordinal);

    public PipelineInputs Inputs => inputs;

    /// <summary>The stages computed so far, in order; each appears once (the front ends log it, tests count it).</summary>
    public IReadOnlyList<PipelineStage> Computed
    {
        get
        {
            lock (_lock)
            {
                return [.. _computed];
            }
        }
    }

    /// <summary>The project's severity configuration, read once.</summary>
    public SeverityResolver Resolver => Severity.Resolver;

    /// <summary>The configuration files (and those that could not be read) and the resolver over them.</summary>
    private (SeverityConfiguration Files, SeverityResolver Resolver) Severity
    {
        get
        {
            lock (_lock)
            {
                if (_severity is not { } severity)
                {
                    var files = inputs.LoadSeverityConfiguration();
                    _severity = severity = (files, inputs.CreateResolver(files));
                }

                return severity;
            }
        }
    }

    private SourceLocation ProjectLocation => SourceLocation.File(Path.GetFullPath(inputs.ProjectFile));

    public StageResult<ValidatedInputs> Validate(CancellationToken cancellationToken = default) =>
        Once(ref _validated, () => RunValidate(cancellationToken));

    public StageResult<PlanOutcome> Plan(CancellationToken cancellationToken = default) =>
        Once(ref _planned, () => RunPlan(cancellationToken));

    /// <summary>The gate. Writes the PFX of centrally generated keys whose certificate passed (a side effect of judging, done once).</summary>
    public StageResult<GateOutcome> Gate(CancellationToken cancellationToken = default) =>
        Once(ref _gated, () => RunGate(cancellationToken));

    public StageResult<DeployedOutcome> CheckDeployed(CancellationToken cancellationToken = default) =>
        Once(ref _deployed, () => RunDeployed(cancellationToken));

    /// <summary>Every generated file, in memory. With CertGenerateCsr, keys missing from the key store are made and stored.</summary>
    public StageResult<GenerationOutcome> Generate(CancellationToken cancellationToken = default) =>
        Once(ref _generated, () => RunGenerate(cancellationToken));

    /// <summary>Every stage up to generation, in the build's order: what a front end that runs the whole chain at once asks for before the bundle.</summary>
    public void ComputeAll(CancellationToken cancellationToken = default)
    {
        Validate(cancellationToken);
        Plan(cancellationToken);
        Gate(cancellationToken);
        CheckDeployed(cancellationToken);
        Generate(cancellationToken);
    }

    /// <summary>
    /// The findings of every stage computed so far, in stage order: what a build stores stage by stage
    /// and its SARIF log and report hold. A stage that could not run adds none: the errors that stopped
    /// it are its blocker's.
    /// </summary>
    public IReadOnlyList<Diagnostic> ComputedFindings()
    {
        lock (_lock)
        {
            IStageResult?[] results = [_validated, _planned, _gated, _deployed, _generated];
            return [.. results.Where(r => r is { BlockedBy: null }).SelectMany(r => r!.Diagnostics)];
        }
    }

    /// <summary>
    /// The whole bundle: the generated files, plan.json (its only writer), SHA256SUMS, report.html with
    /// <paramref name="reported"/> (every stage's findings, also those of stages an incremental build
    /// skipped) and manifest.json.
    /// </summary>
    public StageResult<BundleOutcome> Bundle(IReadOnlyList<Diagnostic> reported, CancellationToken cancellationToken = default)
    {
        var generated = Generate(cancellationToken);
        if (!generated.Succeeded)
        {
            return StageResults.Blocked<BundleOutcome>(PipelineStage.Bundle, generated);
        }

        var planned = Plan(cancellationToken).Value!;
        var passed = Gate(cancellationToken).Value!.Passed;
        CheckDeployed(cancellationToken);
        var files = generated.Value!.Files.ToList();
        files.Add(new GeneratedFile("plan.json", passed.Count == 0 ? planned.PlanJson : PlanJsonWriter.Write(planned.Plan, inputs.ToolVersion, passed)));
        files.Add(GeneratedFile.Text(BundleReportFile, ReportWriter.Write(Report(reported, failed: false))));
        cancellationToken.ThrowIfCancellationRequested();

        // The generated files were hashed by generation; only the few files added here are hashed, once.
        var added = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        byte[] Sha256Of(GeneratedFile f) =>
            generated.Value.Sha256.TryGetValue(f.RelativePath, out var sha) ? sha
            : added.TryGetValue(f.RelativePath, out sha) ? sha
            : added[f.RelativePath] = SHA256.HashData(f.Content);
        var digests = inputs.InputFiles
            .Distinct(StringComparer.Ordinal)
            .Select(p => (Path: p, Sha256: InputDigest(p)))
            .Where(x => x.Sha256 is not null)
            .Select(x => (Path.GetRelativePath(inputs.ProjectDirectory, x.Path).Replace('\\', '/'), x.Sha256!))
            .ToList();
        var manifest = ManifestWriter.Write(files, digests, inputs.ToolVersion, Sha256Of);
        files.Add(manifest);
        files.Add(ChecksumsWriter.Write(files, Sha256Of));
        return new StageResult<BundleOutcome>(PipelineStage.Bundle, new BundleOutcome(files), [], Fingerprints.Of(manifest.Content, []));
    }

    public const string BundleReportFile = "report.html";

    /// <summary>
    /// What report.html shows, from the stages this pipeline has computed and nothing more: a failed
    /// build's report has the plan only when planning got through, and computing a stage here could
    /// make keys or write files a failed build must not.
    /// </summary>
    /// <param name="reported">Every stage's findings (also those of stages this build skipped).</param>
    public ReportContent Report(IReadOnlyList<Diagnostic> reported, bool failed)
    {
        lock (_lock)
        {
            var plan = _planned?.Value?.Plan;

            // The instant planning judged at; a build that did not get that far reads the clock it was given.
            var now = _planned?.Value?.Now
                ?? (ValidationTime.TryParse(inputs.ValidationTime, DateTimeOffset.UtcNow, out var given) ? given : DateTimeOffset.UtcNow);

            return new ReportContent(
                Path.GetFileNameWithoutExtension(inputs.ProjectFile),
                now,
                plan,
                reported,
                plan is null ? new Dictionary<string, IssuedRecord>() : _gated?.Value?.Passed ?? new Dictionary<string, IssuedRecord>(),
                plan is null ? [] : _deployed?.Value?.Deployed ?? [],
                plan is null ? [] : _generated?.Value?.Files ?? [],
                inputs.ProjectDirectory,
                inputs.ToolVersion,
                failed,
                inputs.RulesHelpBase);
        }
    }

    /// <summary>
    /// The report of a failed build (CertFailureReportPath, certbuild --failure-report), written
    /// atomically: what was found and whatever the stages computed — never into a bundle.
    /// </summary>
    /// <exception cref="OutputWriteException">The file could not be written.</exception>
    public void WriteFailureReport(string path, IReadOnlyList<Diagnostic> reported) =>
        AtomicFile.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(ReportWriter.Write(Report(reported, failed: true))));

    /// <summary>Computes the bundle and publishes it atomically: the folder and the deterministic zip beside it.</summary>
    /// <exception cref="OutputWriteException">
    /// The bundle could not be written, or its folder holds the project or an input: publishing replaces
    /// the folder as a whole, so a bundle folder set to the project's folder (or above it) would delete it.
    /// </exception>
    public StageResult<BundleOutcome> PublishBundle(string bundleDirectory, string zipFile, IReadOnlyList<Diagnostic> reported, CancellationToken cancellationToken = default)
    {
        if (FilesRead().FirstOrDefault(f => FolderPaths.IsInside(f, bundleDirectory)) is { } held)
        {
            throw new OutputWriteException(bundleDirectory, new IOException($"the bundle folder holds '{held}'; it is replaced as a whole on every build, so point it at a folder of its own"));
        }

        var bundle = Bundle(reported, cancellationToken);
        progress?.Invoke(PipelineStage.Bundle, string.Empty, 0, 0);
        if (bundle.Succeeded)
        {
            BundlePublisher.Publish(bundleDirectory, zipFile, bundle.Value!.Files, cancellationToken);
        }

        return bundle;
    }

    /// <summary>
    /// Every file this build reads: the project, the inputs and the severity configuration files (the
    /// key store is refused in the bundle by CsrStage). Nothing the build writes may be one of them or hold one.
    /// </summary>
    public IEnumerable<string> FilesRead() => [inputs.ProjectFile, .. inputs.InputFiles, .. Severity.Files.FilePaths];

    /// <summary>Tells the front end a stage starts its own work (after the stages it needs, so a progress line names the one at work).</summary>
    private void Starting(PipelineStage stage) => progress?.Invoke(stage, string.Empty, 0, 0);

    private StageResult<T> Once<T>(ref StageResult<T>? slot, Func<StageResult<T>> run)
        where T : class
    {
        lock (_lock)
        {
            // Not cached when it throws (cancellation, a write that failed): the next call tries again.
            if (slot is null)
            {
                slot = run();
                _computed.Add(slot.Stage);
            }

            return slot;
        }
    }

    private ImmutableArray<Diagnostic> Resolve(IEnumerable<Diagnostic> diagnostics) => [.. Resolver.ResolveAll(diagnostics)];

    private StageResult<ValidatedInputs> RunValidate(CancellationToken cancellationToken)
    {
        Starting(PipelineStage.Validate);
        var found = new List<Diagnostic>();

        // A configuration file that is a pipe, a device or too large is skipped, and said once, here.
        var configs = Severity.Files;
        found.AddRange(configs.Unreadable.Select(u =>
            Diagnostic.Create(InputDiagnostics.FileUnreadable, SourceLocation.File(u.Path), "severity configuration", u.Problem)));
        found.AddRange(configs.Conflicts.Select(c =>
            Diagnostic.Create(InputDiagnostics.SeverityConfigConflict, SourceLocation.File(c.Path), c.Problem)));
        if (inputs.TopologyFiles.Length != 1)
        {
            found.Add(Diagnostic.Create(InputDiagnostics.ItemCount, ProjectLocation,
                inputs.TopologyFiles.Length == 0
                    ? "No CertTopology item: add exactly one, e.g. <CertTopology Include=\"topology.json\" />"
                    : $"{inputs.TopologyFiles.Length} CertTopology items ({string.Join(", ", inputs.TopologyFiles.Select(Path.GetFileName))}); exactly one is allowed"));
        }

        if (inputs.PolicyFiles.Length > 1)
        {
            found.Add(Diagnostic.Create(InputDiagnostics.ItemCount, ProjectLocation,
                $"{inputs.PolicyFiles.Length} CertPolicy items ({string.Join(", ", inputs.PolicyFiles.Select(Path.GetFileName))}); at most one is allowed"));
        }

        if (inputs.OverridesFiles.Length > 1)
        {
            found.Add(Diagnostic.Create(InputDiagnostics.ItemCount, ProjectLocation,
                $"{inputs.OverridesFiles.Length} CertTopologyOverrides items ({string.Join(", ", inputs.OverridesFiles.Select(Path.GetFileName))}); at most one is allowed"));
        }

        ValidatedInputs? value = null;
        if (found.All(d => d.Descriptor != InputDiagnostics.ItemCount))
        {
            var validation = InputValidator.Validate(InputFileReader.Files, inputs.TopologyPath!, inputs.PolicyPath, inputs.OverridesPath, cancellationToken);
            found.AddRange(validation.Diagnostics);
            value = validation.Topology is { } topology && validation.Policy is { } policy ? new ValidatedInputs(topology, policy) : null;
        }

        var resolved = Resolve(found);
        var files = new[] { inputs.TopologyPath, inputs.OverridesPath, inputs.PolicyPath }.Where(p => p is not null).Select(p => (p!, InputDigest(p!)));
        return new StageResult<ValidatedInputs>(PipelineStage.Validate, value, resolved, Fingerprints.OfInputs(files, resolved));
    }

    private StageResult<PlanOutcome> RunPlan(CancellationToken cancellationToken)
    {
        var validated = Validate(cancellationToken);
        if (!validated.Succeeded)
        {
            return StageResults.Blocked<PlanOutcome>(PipelineStage.Plan, validated);
        }

        Starting(PipelineStage.Plan);

        if (!ValidationTime.TryParse(inputs.ValidationTime, DateTimeOffset.UtcNow, out var now))
        {
            var invalid = Resolve([Diagnostic.Create(IssuedDiagnostics.ValidationTimeInvalid, ProjectLocation, inputs.ValidationTime)]);
            return new StageResult<PlanOutcome>(PipelineStage.Plan, null, invalid, Fingerprints.Of([], invalid));
        }

        var (topology, policy) = validated.Value!;
        var (plan, diagnostics) = PlanStage.Run(topology, policy, now, cancellationToken);
        var json = PlanJsonWriter.Write(plan, inputs.ToolVersion);
        var resolved = Resolve(diagnostics);
        return new StageResult<PlanOutcome>(PipelineStage.Plan, new PlanOutcome(plan, now, json), resolved, Fingerprints.Of(json, resolved));
    }

    private StageResult<GateOutcome> RunGate(CancellationToken cancellationToken)
    {
        var planned = Plan(cancellationToken);
        if (!planned.Succeeded)
        {
            return StageResults.Blocked<GateOutcome>(PipelineStage.Issued, planned);
        }

        if (inputs.Issued.IsEmpty)
        {
            return new StageResult<GateOutcome>(PipelineStage.Issued, GateOutcome.NotRequested, [], string.Empty);
        }

        Starting(PipelineStage.Issued);

        var (plan, now, _) = planned.Value!;
        var store = OpenKeyStore();
        var centralKeys = store is null ? new Dictionary<string, byte[]>() : PfxFiles.PublicKeys(plan, store);
        var result = IssuedStage.Run(plan, inputs.Issued, inputs.Roots, now, inputs.RequireAllIssued, centralKeys,
            progress is null ? null : (what, done, total) => progress(PipelineStage.Issued, what, done, total), cancellationToken);

        // "Passed" counts errors as the project configures them, like the build's own verdict.
        var passed = result.Passed(d => Resolver.Resolve(d).Severity == DiagnosticSeverity.Error);
        var pfxProblems = store is null ? [] : PfxFiles.Write(store, passed);
        var resolved = Resolve([.. result.Diagnostics, .. pfxProblems]);
        var records = passed.Select(j => new IssuedRecord(
            j.Match.Planned.Id,
            CertificateFacts.Thumbprint(j.Match.Issued.Certificate),
            new DateTimeOffset(j.Match.Issued.Certificate.NotBefore.ToUniversalTime()),
            new DateTimeOffset(j.Match.Issued.Certificate.NotAfter.ToUniversalTime()),
            Path.GetRelativePath(inputs.ProjectDirectory, j.Match.Issued.File).Replace('\\', '/'),
            j.Match.Issued.Certificate.RawData,
            j.ChainPath)).ToDictionary(r => r.Id, StringComparer.Ordinal);

        // A gate with errors records nothing: what generation bundles was judged now.
        var value = resolved.Any(d => d.Severity == DiagnosticSeverity.Error) ? null : new GateOutcome(records);
        var files = inputs.Issued.Select(i => i.Path).Concat(inputs.Roots.Select(r => r.Path));
        return new StageResult<GateOutcome>(PipelineStage.Issued, value, resolved, Fingerprints.OfGate(records.Values, files, resolved));
    }

    private StageResult<DeployedOutcome> RunDeployed(CancellationToken cancellationToken)
    {
        var planned = Plan(cancellationToken);
        if (!planned.Succeeded)
        {
            return StageResults.Blocked<DeployedOutcome>(PipelineStage.Deployed, planned);
        }

        if (inputs.Deployed.IsEmpty)
        {
            return new StageResult<DeployedOutcome>(PipelineStage.Deployed, DeployedOutcome.NotRequested, [], string.Empty);
        }

        Starting(PipelineStage.Deployed);

        var (plan, now, _) = planned.Value!;
        var (deployed, diagnostics) = DeployedStage.Run(plan, Validate(cancellationToken).Value!.Policy, inputs.Deployed, now, cancellationToken);
        var resolved = Resolve(diagnostics);

        // Errors here (an expired certificate, drift) fail the build but do not stop generation: the
        // renewal scripts it writes are what fixes them.
        return new StageResult<DeployedOutcome>(PipelineStage.Deployed, new DeployedOutcome(deployed), resolved,
            Fingerprints.OfDeployed(deployed, inputs.Deployed.Select(d => d.Path), resolved));
    }

    private StageResult<GenerationOutcome> RunGenerate(CancellationToken cancellationToken)
    {
        var planned = Plan(cancellationToken);
        if (!planned.Succeeded)
        {
            return StageResults.Blocked<GenerationOutcome>(PipelineStage.Generate, planned);
        }

        var gated = Gate(cancellationToken);
        if (gated.Value is null)
        {
            return StageResults.Blocked<GenerationOutcome>(PipelineStage.Generate, gated);
        }

        var deployed = CheckDeployed(cancellationToken).Value?.Deployed ?? [];
        Starting(PipelineStage.Generate);
        var plan = planned.Value!.Plan;
        var keys = inputs.Keys;
        var centralKeys = keys is null ? new HashSet<string>() : CsrStage.CentralKeyIds(plan);
        var options = new GenerationOptions(centralKeys, gated.Value.Passed) { Deployed = deployed };
        var (files, diagnostics) = GenerationStage.Run(plan, inputs.ToolVersion, options, cancellationToken);
        var all = diagnostics.ToList();
        var output = files.ToList();
        if (keys is not null && !diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            var settings = new CsrStage.Settings(keys.StorePath, keys.PasswordVariable, keys.Password, keys.OutputDirectories, inputs.ProjectFile);
            var (csrs, csrDiagnostics) = CsrStage.Run(plan, settings, cancellationToken);
            output.AddRange(csrs);
            all.AddRange(csrDiagnostics);
        }

        var resolved = Resolve(all);
        var sha256 = output.ToDictionary(f => f.RelativePath, f => SHA256.HashData(f.Content), StringComparer.Ordinal);
        var value = resolved.Any(d => d.Severity == DiagnosticSeverity.Error) ? null : new GenerationOutcome(output, sha256);
        return new StageResult<GenerationOutcome>(PipelineStage.Generate, value, resolved, Fingerprints.OfFiles(sha256, resolved));
    }

    private KeyStore? OpenKeyStore()
    {
        if (inputs.Keys is not { } keys || string.IsNullOrWhiteSpace(keys.StorePath) || string.IsNullOrEmpty(keys.Password))
        {
            return null;
        }

        return new KeyStore(keys.StorePath, keys.Password);
    }

    /// <summary>
    /// The SHA-256 of an input file, read once per build through the one bounded reader (validation's
    /// fingerprint and the manifest both need it); null for an input that is a pipe, a device or gone,
    /// which its stage refused.
    /// </summary>
    private byte[]? InputDigest(string path)
    {
        lock (_inputDigests)
        {
            if (!_inputDigests.TryGetValue(path, out var digest))
            {
                digest = InputFile.ReadBytes(path, InputFileReader.MaxFileBytes, out _) is { } bytes ? SHA256.HashData(bytes) : null;
                _inputDigests[path] = digest;
            }

            return digest;
        }
    }
}
