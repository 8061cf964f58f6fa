namespace CertBuildTasks.Pipeline;

/// <summary>The stages of one build, in the order they run: read → validate → plan → gate → deployed check → generate → bundle.</summary>
public enum PipelineStage
{
    Validate,
    Plan,
    Issued,
    Deployed,
    Generate,
    Bundle,
}

public static class PipelineStages
{
    public static readonly IReadOnlyList<PipelineStage> InOrder = Enum.GetValues<PipelineStage>();

    /// <summary>The stage's name in the build state (validate.result.json) and in messages.</summary>
    public static string Name(this PipelineStage stage) => stage.ToString().ToLowerInvariant();

    /// <summary>
    /// The stages whose results this stage consumes. When a stage's result changes, the stored results
    /// of every stage that consumes it (directly or not) are out of date and are dropped; an unchanged
    /// result keeps them (the gate runs on every build and must not erase what generation found).
    /// </summary>
    public static IReadOnlyList<PipelineStage> Consumes(this PipelineStage stage) => stage switch
    {
        PipelineStage.Validate => [],
        PipelineStage.Plan => [PipelineStage.Validate],
        PipelineStage.Issued => [PipelineStage.Plan],
        PipelineStage.Deployed => [PipelineStage.Plan],
        PipelineStage.Generate => [PipelineStage.Plan, PipelineStage.Issued, PipelineStage.Deployed],
        PipelineStage.Bundle => [PipelineStage.Validate, PipelineStage.Plan, PipelineStage.Issued, PipelineStage.Deployed, PipelineStage.Generate],
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    /// <summary>Every stage that consumes <paramref name="stage"/>'s result, directly or through another.</summary>
    public static IReadOnlyList<PipelineStage> Consumers(this PipelineStage stage)
    {
        var found = new List<PipelineStage>();
        foreach (var later in InOrder.Where(s => s > stage))
        {
            if (later.Consumes().Any(s => s == stage || found.Contains(s)))
            {
                found.Add(later);
            }
        }

        return found;
    }
}
