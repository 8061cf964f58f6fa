using System.Text.RegularExpressions;
using CertBuildTasks.Pipeline;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.MSBuild;

/// <summary>The targets name exactly the files BuildState owns under obj/…/certbuild/, and the stage order agrees.</summary>
public sealed partial class BuildStateContractTests
{
    private static string TargetsText() =>
        string.Join('\n', Directory.GetFiles(Path.GetDirectoryName(RepoPaths.TargetsFile)!, "*.targets").Select(File.ReadAllText));

    [Fact]
    public void The_targets_name_the_files_of_the_build_state_and_no_other()
    {
        var named = StateFile().Matches(TargetsText()).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(BuildState.AllFileNames.Order(StringComparer.Ordinal), named.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_stage_s_consumers_are_the_later_stages_that_take_its_result()
    {
        Assert.Equal([PipelineStage.Plan, PipelineStage.Issued, PipelineStage.Deployed, PipelineStage.Generate, PipelineStage.Bundle], PipelineStage.Validate.Consumers());
        Assert.Equal([PipelineStage.Generate, PipelineStage.Bundle], PipelineStage.Issued.Consumers());
        Assert.Equal([PipelineStage.Generate, PipelineStage.Bundle], PipelineStage.Deployed.Consumers());
        Assert.Empty(PipelineStage.Bundle.Consumers());
    }

    [Fact]
    public void Saving_an_unchanged_result_keeps_the_later_results_and_a_changed_one_drops_them()
    {
        using var dir = new TempDirectory();
        var state = new BuildState(dir.Path);
        state.Save(PipelineStage.Issued, "a", []);
        state.Save(PipelineStage.Generate, "g", []);
        Assert.False(state.Save(PipelineStage.Issued, "a", []));
        Assert.True(File.Exists(state.PathOf(BuildState.ResultFile(PipelineStage.Generate))));
        Assert.True(state.Save(PipelineStage.Issued, "b", []));
        Assert.False(File.Exists(state.PathOf(BuildState.ResultFile(PipelineStage.Generate))));
    }

    [GeneratedRegex(@"\$\(_CertStateDir\)(?<name>[a-z.]+)")]
    private static partial Regex StateFile();
}
