using CertBuildTasks.Diagnostics;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Diagnostics;

public class SeverityResolverTests
{
    private static readonly DiagnosticDescriptor Warning = new("CBT1115", "w", "w", DiagnosticCategory.Topology, DiagnosticSeverity.Warning);
    private static readonly DiagnosticDescriptor Error = new("CBT1101", "e", "e", DiagnosticCategory.Topology, DiagnosticSeverity.Error);
    private static readonly DiagnosticDescriptor Fixed = new("CBT1003", "f", "f", DiagnosticCategory.Input, DiagnosticSeverity.Error, IsConfigurable: false);

    private static SeverityOptions Options(string noWarn = "", string asErrors = "", string notAsErrors = "", bool all = false) =>
        new(SeverityOptions.ParseCodeList(noWarn), SeverityOptions.ParseCodeList(asErrors), SeverityOptions.ParseCodeList(notAsErrors), all);

    private static DiagnosticSeverity Resolve(DiagnosticDescriptor descriptor, SeverityOptions options, AnalyzerConfigSet? configs = null, string file = "/p/topology.json") =>
        new SeverityResolver(options, configs ?? AnalyzerConfigSet.Empty).Resolve(Diagnostic.Create(descriptor, new SourceLocation(file, 1, 1))).Severity;

    [Fact]
    public void Defaults_apply_without_configuration() => Assert.Equal(DiagnosticSeverity.Warning, Resolve(Warning, Options()));

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
    public void Non_configurable_diagnostics_keep_their_severity()
    {
        var configs = new AnalyzerConfigSet([], [AnalyzerConfigFile.Parse("/p/.globalconfig", "is_global = true\ndotnet_diagnostic.CBT1003.severity = none\n")]);
        Assert.Equal(DiagnosticSeverity.Error, Resolve(Fixed, Options(noWarn: "CBT1003"), configs));
    }

    [Fact]
    public void Editorconfig_beats_globalconfig_and_nearer_editorconfig_wins()
    {
        var global = AnalyzerConfigFile.Parse("/p/.globalconfig", "is_global = true\ndotnet_diagnostic.CBT1115.severity = error\n");
        var outer = AnalyzerConfigFile.Parse("/.editorconfig", "root = true\n[*]\ndotnet_diagnostic.CBT1115.severity = suggestion\n");
        var inner = AnalyzerConfigFile.Parse("/p/.editorconfig", "[*.json]\ndotnet_diagnostic.CBT1115.severity = none\n");
        Assert.Equal(DiagnosticSeverity.Error, Resolve(Warning, Options(), new AnalyzerConfigSet([], [global])));
        Assert.Equal(DiagnosticSeverity.Info, Resolve(Warning, Options(), new AnalyzerConfigSet([outer], [global])));
        Assert.Equal(DiagnosticSeverity.Hidden, Resolve(Warning, Options(), new AnalyzerConfigSet([inner, outer], [global])));
    }

    [Fact]
    public void Editorconfig_sections_apply_only_to_matching_files()
    {
        var file = AnalyzerConfigFile.Parse("/p/.editorconfig", "[*.cs]\ndotnet_diagnostic.CBT1115.severity = none\n[inputs/**.json]\ndotnet_diagnostic.CBT1101.severity = warning\n");
        var configs = new AnalyzerConfigSet([file], []);
        Assert.Equal(DiagnosticSeverity.Warning, Resolve(Warning, Options(), configs));
        Assert.Equal(DiagnosticSeverity.Warning, Resolve(Error, Options(), configs, "/p/inputs/a/topology.json"));
        Assert.Equal(DiagnosticSeverity.Error, Resolve(Error, Options(), configs, "/p/topology.json"));
    }

    [Fact]
    public void Severity_default_restores_the_rule_default()
    {
        var file = AnalyzerConfigFile.Parse("/p/.editorconfig", "[*]\ndotnet_diagnostic.CBT1115.severity = default\n");
        Assert.Equal(DiagnosticSeverity.Warning, Resolve(Warning, Options(), new AnalyzerConfigSet([file], [])));
    }

    [Fact]
    public void Load_stops_at_a_root_editorconfig()
    {
        using var temp = new TempDirectory();
        temp.Write(".editorconfig", "[*]\ndotnet_diagnostic.CBT1115.severity = error\n");
        temp.Write("a/.editorconfig", "root = true\n");
        temp.Write("a/b/.globalconfig", "is_global = true\ndotnet_diagnostic.CBT1115.severity = none\n");
        var set = AnalyzerConfigSet.Load(temp.File("a/b"));
        Assert.Equal(2, set.FilePaths.Count());
        Assert.Equal(DiagnosticSeverity.Hidden, Resolve(Warning, Options(), set, temp.File("a/b/topology.json")));
    }

    [Fact]
    public void A_malformed_glob_is_ignored_instead_of_failing_the_build()
    {
        var file = AnalyzerConfigFile.Parse("/p/.editorconfig", "[*.{json,yml]\ndotnet_diagnostic.CBT1115.severity = none\n[z-a]\ndotnet_diagnostic.CBT1115.severity = none\n");
        Assert.Equal(DiagnosticSeverity.Warning, Resolve(Warning, Options(), new AnalyzerConfigSet([file], [])));
    }

    [Fact]
    public void A_file_named_globalconfig_is_global_and_comments_and_colons_are_understood()
    {
        var global = AnalyzerConfigFile.Parse("/p/.globalconfig", "dotnet_diagnostic.CBT1115.severity: error   # promoted on purpose\n");
        Assert.True(global.IsGlobal);
        Assert.Equal(DiagnosticSeverity.Error, Resolve(Warning, Options(), new AnalyzerConfigSet([], [global])));
    }

    [Fact]
    public void Load_reads_the_same_six_folders_the_targets_list_as_inputs()
    {
        using var temp = new TempDirectory();
        temp.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.CBT1115.severity = error\n");
        var deep = temp.File("a/b/c/d/e/f");
        Directory.CreateDirectory(deep);
        Assert.Empty(AnalyzerConfigSet.Load(deep).FilePaths);
        Assert.Single(AnalyzerConfigSet.Load(temp.File("a/b/c/d/e")).FilePaths);
    }
}
