using System.Collections.Immutable;
using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Pipeline;

/// <summary>
/// What one stage produced: its value (absent when it could not run), the diagnostics it found with the
/// project's severity configuration applied (hidden ones dropped), a fingerprint of its result (the
/// build state compares it to decide whether later stages' stored results still hold), and — when it
/// could not run — the earlier stage whose errors stopped it.
/// </summary>
public sealed record StageResult<T>(PipelineStage Stage, T? Value, ImmutableArray<Diagnostic> Diagnostics, string Fingerprint) : IStageResult
    where T : class
{
    /// <summary>The earlier stage with errors that kept this one from running; null when it ran.</summary>
    public PipelineStage? BlockedBy { get; init; }

    /// <summary>The errors of the blocking stage: what a stage called on its own reports when it cannot run.</summary>
    public ImmutableArray<Diagnostic> BlockingErrors { get; init; } = [];

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Ran, and found no error: the next stage may use the value.</summary>
    public bool Succeeded => Value is not null && !HasErrors;
}

/// <summary>What every stage result says, whatever its value.</summary>
public interface IStageResult
{
    PipelineStage Stage { get; }

    ImmutableArray<Diagnostic> Diagnostics { get; }

    PipelineStage? BlockedBy { get; }

    ImmutableArray<Diagnostic> BlockingErrors { get; }
}

public static class StageResults
{
    /// <summary>A stage that cannot run because <paramref name="blocker"/> failed (or was itself blocked).</summary>
    public static StageResult<T> Blocked<T>(PipelineStage stage, IStageResult blocker)
        where T : class =>
        new(stage, null, [], string.Empty)
        {
            BlockedBy = blocker.BlockedBy ?? blocker.Stage,
            BlockingErrors = blocker.BlockedBy is null ? [.. blocker.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)] : blocker.BlockingErrors,
        };
}
