using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Tests.Diagnostics;

/// <summary>
/// EditorConfig section globs, matched without backtracking: a hostile glob costs time linear in the
/// path and still matches exactly what it says (a timeout would have made its section silently skip).
/// </summary>
public class GlobPatternTests
{
    [Theory]
    [InlineData("*.json", "topology.json", true)]
    [InlineData("*.json", "sub/topology.json", false)]
    [InlineData("**/*.json", "sub/topology.json", true)]
    [InlineData("**/*.json", "topology.json", true)]
    [InlineData("{topology,policy}.json", "policy.json", true)]
    [InlineData("{topology,policy}.json", "overrides.json", false)]
    [InlineData("topolog?.json", "topology.json", true)]
    [InlineData("[tp]*.json", "policy.json", true)]
    [InlineData("[!tp]*.json", "policy.json", false)]
    [InlineData("[*.{json,yml]", "topology.json", false)] // malformed: matches nothing, as Roslyn ignores it
    public void Globs_match_as_editorconfig_says(string glob, string path, bool matches) =>
        Assert.Equal(matches, GlobPattern.IsMatch(glob, path));

    [Fact]
    public async Task A_glob_built_to_backtrack_matches_exactly_and_finishes()
    {
        // "*a*a…*a*b" with 25 stars against a long run of a's: exponential for a backtracking matcher.
        var glob = string.Concat(Enumerable.Repeat("*a", 24)) + "*b";
        var noMatch = new string('a', 200);
        var match = new string('a', 200) + "b";
        // A backtracking matcher would not finish within the minute (TimeoutException).
        var result = await Task.Run(() => (GlobPattern.IsMatch(glob, noMatch), GlobPattern.IsMatch(glob, match))).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal((false, true), result);
    }
}
