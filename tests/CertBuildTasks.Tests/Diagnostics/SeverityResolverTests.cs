using System.Collections.Immutable;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Diagnostics;

/// <summary>
/// The severity precedence (docs/severity.md) and the configuration files read as the compiler reads
/// them (Microsoft.CodeAnalysis AnalyzerConfigSet; "Configuration files for code analysis rules",
/// learn.microsoft.com/dotnet/fundamentals/code-analysis/configuration-files).
/// </summary>
public sealed class SeverityResolverTests : IDisposable
{
    private static readonly DiagnosticDescriptor Warning = new("CBT1115", "w", "w", DiagnosticCategory.Topology, DiagnosticSeverity.Warning);
    private static readonly DiagnosticDescriptor Error = new("CBT1101", "e", "e", DiagnosticCategory.Topology, DiagnosticSeverity.Error);
    private static readonly DiagnosticDescriptor PolicyWarning = new("CBT2002", "p", "p", DiagnosticCategory.Policy, DiagnosticSeverity.Warning);
    private static readonly DiagnosticDescriptor Fixed = new("CBT1003", "f", "f", DiagnosticCategory.Input, DiagnosticSeverity.Error, IsConfigurable: false);

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static SeverityOptions Options(string noWarn = "", string asErrors = "", string notAsErrors = "", bool all = false) =>
        new(SeverityOptions.ParseCodeList(noWarn), SeverityOptions.ParseCodeList(asErrors), SeverityOptions.ParseCodeList(notAsErrors), all);

    /// <summary>The configuration the targets would hand over for an input at <paramref name="input"/> (relative to the scratch folder).</summary>
    private SeverityConfiguration Configs(string input = "p/topology.json") =>
        SeverityConfigurationFiles.Load(SeverityConfigurationFiles.FilesAbove([_temp.File(input)]));

    private DiagnosticSeverity Resolve(DiagnosticDescriptor descriptor, SeverityOptions? options = null, string input = "p/topology.json") =>
        new SeverityResolver(options ?? Options(), Configs(input)).Resolve(Diagnostic.Create(descriptor, new SourceLocation(_temp.File(input), 1, 1))).Severity;

    [Fact]
    public void Defaults_apply_without_configuration() => Assert.Equal(DiagnosticSeverity.Warning, Resolve(Warning));

    [Fact]
    public void NoWarn_hides_warnings_but_not_errors()
    {
        Assert.Equal(DiagnosticSeverity.Hidden, Resolve(Warning, Options(noWarn: "CS1591; cbt1115")));
        Assert.Equal(DiagnosticSeverity.Error, Resolve(Error, Options(noWarn: "CBT1101")));
    }

    [Fact]
    public void WarningsAsErrors_and_TreatWarningsAsErrors_promote_warnings()
    {
        Assert.Equal(DiagnosticSeverity.Error, Resolve(Warning, Options(asErrors: "CBT1115")));
        Assert.Equal(DiagnosticSeverity.Error, Resolve(Warning, Options(all: true)));
        Assert.Equal(DiagnosticSeverity.Warning, Resolve(Warning, Options(all: true, notAsErrors: "CBT1115")));
    }

    [Fact]
    public void NoWarn_wins_over_TreatWarningsAsErrors() =>
        Assert.Equal(DiagnosticSeverity.Hidden, Resolve(Warning, Options(noWarn: "CBT1115", all: true)));

    [Fact]
    public void A_command_lines_level_is_decided_last_over_the_files_and_the_switches_but_never_for_a_fixed_rule()
    {
        _temp.Write("p/.editorconfig", "root = true\n[*.json]\ndotnet_diagnostic.CBT1115.severity = none\ndotnet_diagnostic.CBT1101.severity = warning\n");
        static SeverityOptions Levels(SeverityOptions options, params (string Id, DiagnosticSeverity? Level)[] levels) =>
            options with { Overrides = levels.ToImmutableDictionary(l => l.Id, l => l.Level, StringComparer.OrdinalIgnoreCase) };

        Assert.Equal(DiagnosticSeverity.Hidden, Resolve(Warning));
        Assert.Equal(DiagnosticSeverity.Info, Resolve(Warning, Levels(Options(all: true), ("cbt1115", DiagnosticSeverity.Info))));
        Assert.Equal(DiagnosticSeverity.Warning, Resolve(Error));
        Assert.Equal(DiagnosticSeverity.Error, Resolve(Error, Levels(Options(), ("CBT1101", null)))); // default: the rule's own
        Assert.Equal(DiagnosticSeverity.Error, Resolve(Fixed, Levels(Options(), ("CBT1003", DiagnosticSeverity.Hidden))));
    }

    [Theory]
    [InlineData("CBT1115=error", "CBT1115", DiagnosticSeverity.Error)]
    [InlineData(" CBT1115 = suggestion ", "CBT1115", DiagnosticSeverity.Info)]
    [InlineData("CBT1115=none", "CBT1115", DiagnosticSeverity.Hidden)]
    [InlineData("CBT1115=default", "CBT1115", null)]
    public void A_level_is_parsed_as_editorconfig_words_it(string text, string id, DiagnosticSeverity? level)
    {
        Assert.True(SeverityOptions.TryParseOverride(text, out var parsedId, out var parsedLevel, out _));
        Assert.Equal(id, parsedId);
        Assert.Equal(level, parsedLevel);
    }

    [Theory]
    [InlineData("CBT1115")]
    [InlineData("=error")]
    [InlineData("CBT1115=loud")]
    public void A_level_that_is_not_one_is_refused_with_the_reason(string text)
    {
        Assert.False(SeverityOptions.TryParseOverride(text, out _, out _, out var problem));
        Assert.NotEmpty(problem);
    }

    [Fact]
    public void Non_configurable_diagnostics_keep_their_severity()
    {
        _temp.Write("p/.globalconfig", "is_global = true\ndotnet_diagnostic.CBT1003.severity = none\ndotnet_analyzer_diagnostic.severity = none\n");
        Assert.Equal(DiagnosticSeverity.Error, Resolve(Fixed, Options(noWarn: "CBT1003")));
    }

    [Fact]
    public void Editorconfig_beats_globalconfig_and_nearer_editorconfig_wins()
    {
        _temp.Write("p/.globalconfig", "is_global = true\ndotnet_diagnostic.CBT1115.severity = error\n");
        Assert.Equal(DiagnosticSeverity.Error, Resolve(Warning));
        _temp.Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.CBT1115.severity = suggestion\n");
        Assert.Equal(DiagnosticSeverity.Info, Resolve(Warning));
        _temp.Write("p/.editorconfig", "[*.json]\ndotnet_diagnostic.CBT1115.severity = none\n");
        Assert.Equal(DiagnosticSeverity.Hidden, Resolve(Warning));
    }

    [Fact]
    public void Editorconfig_sections_apply_only_to_matching_files()
    {
        _temp.Write("p/.editorconfig", "[*.cs]\ndotnet_diagnostic.CBT1115.severity = none\n[inputs/**.json]\ndotnet_diagnostic.CBT1101.severity = warning\n");
        Assert.Equal(DiagnosticSeverity.Warning, Resolve(Warning));
        Assert.Equal(DiagnosticSeverity.Warning, Resolve(Error, input: "p/inputs/a/topology.json"));
        Assert.Equal(DiagnosticSeverity.Error, Resolve(Error));
    }

    /// <summary>
    /// Issue 16's glob of 25 stars (`*a*a…*b`), which took a hand-written backtracking matcher from 8 s to
    /// 106 s: the compiler's matcher decides it as the compiler would — no match for the topology, a
    /// match for a name with 24 a's and a final b — without the section being skipped. (A hostile name
    /// of many a's still costs the compiler's regex what it costs the compiler for a .cs file.)
    /// </summary>
    [Fact]
    public void A_glob_built_to_backtrack_is_decided_as_the_compiler_decides_it()
    {
        var glob = string.Concat(Enumerable.Repeat("*a", 24)) + "*b";
        _temp.Write("p/.editorconfig", "[" + glob + "]\ndotnet_diagnostic.CBT1115.severity = none\n");
        Assert.Equal(DiagnosticSeverity.Warning, Resolve(Warning, input: "p/topology.json"));
        Assert.Equal(DiagnosticSeverity.Hidden, Resolve(Warning, input: "p/" + new string('a', 30) + "b"));
    }

    [Fact]
    public void A_negated_character_class_excludes_the_character()
    {
        // [topology.js[!o]n] is "topology.js", one character that is not 'o', then "n": not topology.json.
        _temp.Write("p/.editorconfig", "[topology.js[!o]n]\ndotnet_diagnostic.CBT1115.severity = none\n");
        Assert.Equal(DiagnosticSeverity.Warning, Resolve(Warning));
        Assert.Equal(DiagnosticSeverity.Hidden, Resolve(Warning, input: "p/topology.jsan"));
    }

    [Fact]
    public void Severity_default_restores_the_rule_default()
    {
        _temp.Write("p/.editorconfig", "[*]\ndotnet_diagnostic.CBT1115.severity = default\n");
        Assert.Equal(DiagnosticSeverity.Warning, Resolve(Warning));
    }

    [Fact]
    public void A_root_editorconfig_hides_the_editorconfigs_above_it_but_not_a_globalconfig()
    {
        _temp.Write(".editorconfig", "[*]\ndotnet_diagnostic.CBT1115.severity = error\n");
        _temp.Write("a/.editorconfig", "root = true\n");
        Assert.Equal(DiagnosticSeverity.Warning, Resolve(Warning, input: "a/b/topology.json"));
        _temp.Write("a/b/.globalconfig", "is_global = true\ndotnet_diagnostic.CBT1115.severity = none\n");
        Assert.Equal(DiagnosticSeverity.Hidden, Resolve(Warning, input: "a/b/topology.json"));
    }

    [Fact]
    public void A_malformed_glob_is_ignored_instead_of_failing_the_build()
    {
        _temp.Write("p/.editorconfig", "[*.{json,yml]\ndotnet_diagnostic.CBT1115.severity = none\n[z-a]\ndotnet_diagnostic.CBT1115.severity = none\n");
        Assert.Equal(DiagnosticSeverity.Warning, Resolve(Warning));
    }

    [Fact]
    public void A_file_named_globalconfig_is_global_and_comments_and_colons_are_understood()
    {
        _temp.Write("p/.globalconfig", "dotnet_diagnostic.CBT1115.severity: error   # promoted on purpose\n");
        Assert.Equal(DiagnosticSeverity.Error, Resolve(Warning));
    }

    [Fact]
    public void A_globalconfig_seven_folders_up_applies()
    {
        _temp.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.CBT1115.severity = error\n");
        const string deep = "a/b/c/d/e/f/g/topology.json";
        Assert.Contains(_temp.File(".globalconfig"), Configs(deep).FilePaths);
        Assert.Equal(DiagnosticSeverity.Error, Resolve(Warning, input: deep));
    }

    [Fact]
    public void The_higher_global_level_wins_a_conflict_between_global_configs()
    {
        // A user's global config is level 100 unless it says otherwise (the compiler's default).
        _temp.Write("p/.globalconfig", "is_global = true\ndotnet_diagnostic.CBT1115.severity = none\n");
        _temp.Write(".globalconfig", "is_global = true\nglobal_level = 200\ndotnet_diagnostic.CBT1115.severity = error\n");
        Assert.Equal(DiagnosticSeverity.Error, Resolve(Warning));
        Assert.Empty(Configs().Conflicts);
        _temp.Write(".globalconfig", "is_global = true\nglobal_level = 10\ndotnet_diagnostic.CBT1115.severity = error\n");
        Assert.Equal(DiagnosticSeverity.Hidden, Resolve(Warning));
    }

    [Fact]
    public void Two_global_configs_of_one_level_setting_one_key_are_a_conflict_and_unset()
    {
        _temp.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.CBT1115.severity = error\n");
        _temp.Write("p/.globalconfig", "is_global = true\ndotnet_diagnostic.CBT1115.severity = none\n");
        Assert.Equal(DiagnosticSeverity.Warning, Resolve(Warning));
        Assert.Contains(Configs().Conflicts, c => c.Problem.Contains("CBT1115", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Category_and_bulk_keys_apply_below_rule_keys()
    {
        _temp.Write("p/.globalconfig", "is_global = true\ndotnet_analyzer_diagnostic.severity = error\ndotnet_analyzer_diagnostic.category-Topology.severity = suggestion\n");
        Assert.Equal(DiagnosticSeverity.Info, Resolve(Warning));
        Assert.Equal(DiagnosticSeverity.Error, Resolve(PolicyWarning));
        _temp.Write("p/.editorconfig", "[*.json]\ndotnet_diagnostic.CBT1115.severity = none\n");
        Assert.Equal(DiagnosticSeverity.Hidden, Resolve(Warning));
    }

    [Fact]
    public void An_editorconfig_section_can_use_the_bulk_keys_for_its_files()
    {
        _temp.Write("p/.editorconfig", "[legacy/*.json]\ndotnet_analyzer_diagnostic.category-Topology.severity = none\n");
        Assert.Equal(DiagnosticSeverity.Hidden, Resolve(Warning, input: "p/legacy/topology.json"));
        Assert.Equal(DiagnosticSeverity.Warning, Resolve(Warning));
    }
}
