using System.Text.Json;
using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.MSBuild;

/// <summary>The CertValidate target driven by the real MSBuild engine, in process.</summary>
[Trait("Lane", "Build")]
[Collection(MSBuildTestGroup.Name)]
public sealed class CertValidateTargetTests : IDisposable
{
    private const string Task = "ValidateCertificateInputs";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Project(JObject topology, JObject? policy = null, string extraProperties = "")
    {
        _dir.Write("topology.json", SampleInputs.ToText(topology));
        var items = "<CertTopology Include=\"topology.json\" />";
        if (policy is not null)
        {
            _dir.Write("policy.json", SampleInputs.ToText(policy));
            items += "<CertPolicy Include=\"policy.json\" />";
        }

        return InProcessBuild.WriteProject(_dir, $"<ItemGroup>{items}</ItemGroup>", extraProperties);
    }

    /// <summary>Ten distinct mistakes, each on a line of its own, each for a different rule.</summary>
    private static JObject TopologyWithTenMistakes()
    {
        var t = SampleInputs.Topology();
        var pools = SampleInputs.Pools(t);
        ((JArray)SampleInputs.Pool(t, "FrontEnd")["servers"]!).Add("fe01.contoso.com");      // CBT1101
        SampleInputs.Pool(t, "Director")["externalWebFqdn"] = "webext.contoso.com";          // CBT1106
        ((JObject)SampleInputs.Pool(t, "Edge")["edge"]!).Remove("audioVideoFqdn");            // CBT1110
        SampleInputs.Pool(t, "Mediation")["servers"] = new JArray();                          // CBT1104
        pools.Add(new JObject { ["fqdn"] = "se01.contoso.com", ["role"] = "StandardEdition", ["internalWebFqdn"] = "seweb.contoso.com" }); // CBT1109
        pools.Add(new JObject { ["fqdn"] = "pc_pool.contoso.com", ["role"] = "FrontEnd", ["servers"] = new JArray("pc01.contoso.com") }); // CBT1102
        pools.Add(new JObject { ["fqdn"] = "pchat.contoso.com", ["role"] = "PersistentChat", ["servers"] = new JArray("pc02.contoso.com") }); // CBT1112
        t["productVersion"] = "SfB2019";
        t["xmpp"] = true;                                                                     // CBT1111
        ((JArray)t["sipDomains"]!).Add("tailspintoys.com");                                   // CBT1107
        t["simpleUrls"]!["dialin"] = "http://dialin.contoso.com";                             // CBT1108
        return t;
    }

    [Fact]
    public void The_sample_inputs_validate_clean_and_write_an_empty_sarif_log()
    {
        var build = InProcessBuild.Run(Project(SampleInputs.Topology(), SampleInputs.Policy()));
        Assert.True(build.Succeeded, build.Describe());
        Assert.Empty(build.Warnings);
        Assert.True(build.Ran(Task));
        using var sarif = JsonDocument.Parse(File.ReadAllText(_dir.File("obj/certbuild.sarif")));
        Assert.Equal(0, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    [Fact]
    public void Ten_mistakes_give_ten_diagnostics_at_their_lines_and_the_same_ten_in_sarif()
    {
        var topology = TopologyWithTenMistakes();
        var text = SampleInputs.ToText(topology);
        var build = InProcessBuild.Run(Project(topology, SampleInputs.Policy()));

        Assert.False(build.Succeeded);
        Assert.Equal(10, build.Errors.Count);
        Assert.Equal(10, build.ErrorCodes.Distinct().Count());
        var expectedLines = new Dictionary<string, int>
        {
            ["CBT1101"] = SampleInputs.LinesOf(text, "\"fe01.contoso.com\"")[1],
            ["CBT1106"] = SampleInputs.LinesOf(text, "\"externalWebFqdn\": \"webext.contoso.com\"")[1],
            ["CBT1110"] = SampleInputs.LineOf(text, "\"edge\""),
            ["CBT1104"] = SampleInputs.LineOf(text, "\"medpool.contoso.com\""),
            ["CBT1109"] = SampleInputs.LineOf(text, "seweb.contoso.com"),
            ["CBT1102"] = SampleInputs.LineOf(text, "pc_pool.contoso.com"),
            ["CBT1112"] = SampleInputs.LineOf(text, "\"PersistentChat\""),
            ["CBT1111"] = SampleInputs.LineOf(text, "\"xmpp\""),
            ["CBT1107"] = SampleInputs.LineOf(text, "\"tailspintoys.com\""),
            ["CBT1108"] = SampleInputs.LineOf(text, "\"dialin\""),
        };
        foreach (var error in build.Errors)
        {
            Assert.Equal(_dir.File("topology.json"), error.File);
            Assert.Equal(expectedLines[error.Code], error.LineNumber);
            // The link opens from the error list: an absolute file: URI of the page that exists on this machine.
            var help = new Uri(error.HelpLink, UriKind.Absolute);
            Assert.True(help.IsFile, error.HelpLink);
            Assert.Equal(error.Code + ".md", Path.GetFileName(help.LocalPath));
            Assert.True(File.Exists(help.LocalPath), error.HelpLink);
        }

        using var sarif = JsonDocument.Parse(File.ReadAllText(_dir.File("obj/certbuild.sarif")));
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(10, results.Count);
        foreach (var result in results)
        {
            var id = result.GetProperty("ruleId").GetString()!;
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("topology.json", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal(expectedLines[id], location.GetProperty("region").GetProperty("startLine").GetInt32());
        }
    }

    [Fact]
    public void Editorconfig_severity_none_silences_a_rule_and_error_promotes_a_warning()
    {
        var topology = SampleInputs.Topology();
        ((JArray)topology["simpleUrls"]!["meet"]!).Add(new JObject { ["domain"] = "fabrikan.com", ["url"] = "https://meet.fabrikan.com" }); // CBT1115 warning
        var project = Project(topology, SampleInputs.Policy());

        var plain = InProcessBuild.Run(project);
        Assert.True(plain.Succeeded);
        Assert.Equal(["CBT1115"], plain.WarningCodes);

        _dir.Write(".editorconfig", "root = true\n[*.json]\ndotnet_diagnostic.CBT1115.severity = error\n");
        var promoted = InProcessBuild.Run(project);
        Assert.False(promoted.Succeeded);
        Assert.Equal(["CBT1115"], promoted.ErrorCodes);

        _dir.Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.CBT1115.severity = none\n");
        var silenced = InProcessBuild.Run(project);
        Assert.True(silenced.Succeeded);
        Assert.Empty(silenced.Warnings);
    }

    [Fact]
    public void Globalconfig_beside_the_project_configures_severity()
    {
        var topology = SampleInputs.TopologyWithWarning();
        var project = Project(topology, SampleInputs.Policy());
        _dir.Write(".editorconfig", "root = true\n");
        _dir.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.CBT1116.severity = error\n");
        var build = InProcessBuild.Run(project);
        Assert.Equal(["CBT1116"], build.ErrorCodes);
    }

    [Fact]
    public void A_globalconfig_seven_folders_above_the_project_applies_and_a_change_to_it_reruns_validation()
    {
        var topology = SampleInputs.TopologyWithWarning();
        var deep = _dir.File("a/b/c/d/e/f/g");
        Directory.CreateDirectory(deep);
        File.WriteAllText(Path.Combine(deep, "topology.json"), SampleInputs.ToText(topology));
        File.WriteAllText(Path.Combine(deep, ".editorconfig"), "root = true\n");
        var project = InProcessBuild.WriteProject(deep, "<ItemGroup><CertTopology Include=\"topology.json\" /></ItemGroup>");
        _dir.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.CBT1116.severity = error\n");
        Assert.Equal(["CBT1116"], InProcessBuild.Run(project).ErrorCodes);

        _dir.Write(".globalconfig", "is_global = true\ndotnet_analyzer_diagnostic.category-Topology.severity = none\n");
        var silenced = InProcessBuild.Run(project);
        Assert.True(silenced.Succeeded, silenced.Describe());
        Assert.True(silenced.Ran(Task));
        Assert.DoesNotContain("CBT1116", silenced.WarningCodes);
    }

    [Fact]
    public void A_GlobalAnalyzerConfigFiles_item_configures_severity_with_bulk_keys()
    {
        var topology = SampleInputs.TopologyWithWarning();
        _dir.Write(".editorconfig", "root = true\n");
        _dir.Write("config/cert.globalconfig", "is_global = true\ndotnet_analyzer_diagnostic.severity = error\n");
        var project = Project(topology, SampleInputs.Policy());
        File.WriteAllText(project, File.ReadAllText(project).Replace("<ItemGroup>", "<ItemGroup><GlobalAnalyzerConfigFiles Include=\"config/cert.globalconfig\" />", StringComparison.Ordinal));
        Assert.Equal(["CBT1116"], InProcessBuild.Run(project).ErrorCodes);
    }

    [Fact]
    public void DiscoverGlobalAnalyzerConfigFiles_false_turns_the_search_off_as_for_the_compiler()
    {
        var topology = SampleInputs.TopologyWithWarning();
        _dir.Write(".editorconfig", "root = true\n");
        _dir.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.CBT1116.severity = error\n");
        var build = InProcessBuild.Run(Project(topology, SampleInputs.Policy(), "<DiscoverGlobalAnalyzerConfigFiles>false</DiscoverGlobalAnalyzerConfigFiles>"));
        Assert.Equal(["CBT1116"], build.WarningCodes);
    }

    [Fact]
    public void NoWarn_TreatWarningsAsErrors_and_WarningsAsErrors_work_as_for_compiler_warnings()
    {
        var topology = SampleInputs.TopologyWithWarning();
        _dir.Write(".editorconfig", "root = true\n");

        var noWarn = InProcessBuild.Run(Project(topology, SampleInputs.Policy(), "<NoWarn>CS1591;CBT1116</NoWarn>"));
        Assert.True(noWarn.Succeeded);
        Assert.Empty(noWarn.Warnings);

        var all = InProcessBuild.Run(Project(topology, SampleInputs.Policy(), "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>"));
        Assert.Equal(["CBT1116"], all.ErrorCodes);

        var one = InProcessBuild.Run(Project(topology, SampleInputs.Policy(), "<WarningsAsErrors>CBT1116</WarningsAsErrors>"));
        Assert.Equal(["CBT1116"], one.ErrorCodes);

        var except = InProcessBuild.Run(Project(topology, SampleInputs.Policy(), "<TreatWarningsAsErrors>true</TreatWarningsAsErrors><WarningsNotAsErrors>CBT1116</WarningsNotAsErrors>"));
        Assert.True(except.Succeeded);
        Assert.Equal(["CBT1116"], except.WarningCodes);
    }

    [Fact]
    public void CertRulesHelpBaseUri_makes_every_help_link_a_page_below_it_in_the_log_and_the_sarif()
    {
        var project = Project(SampleInputs.TopologyWithWarning(), SampleInputs.Policy(), "<CertRulesHelpBaseUri>https://example.test/certbuildtasks/docs/rules</CertRulesHelpBaseUri>");
        var build = InProcessBuild.Run(project);

        var warning = Assert.Single(build.Warnings);
        Assert.Equal("https://example.test/certbuildtasks/docs/rules/CBT1116.md", warning.HelpLink);
        using var sarif = JsonDocument.Parse(File.ReadAllText(_dir.File("obj/certbuild.sarif")));
        var rule = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")[0];
        Assert.Equal(warning.HelpLink, rule.GetProperty("helpUri").GetString());
    }

    [Fact]
    public void A_second_build_without_changes_skips_the_task_and_a_severity_change_reruns_it()
    {
        var topology = SampleInputs.TopologyWithWarning();
        var project = Project(topology, SampleInputs.Policy());
        _dir.Write(".editorconfig", "root = true\n");

        Assert.True(InProcessBuild.Run(project).Ran(Task));
        Assert.False(InProcessBuild.Run(project).Ran(Task));

        var withNoWarn = InProcessBuild.Run(project, properties: new Dictionary<string, string?> { ["NoWarn"] = "CBT1116" });
        Assert.True(withNoWarn.Ran(Task));
        Assert.Empty(withNoWarn.Warnings);

        Thread.Sleep(20); // file times on some file systems are coarse
        _dir.Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.CBT1116.severity = error\n");
        var promoted = InProcessBuild.Run(project, properties: new Dictionary<string, string?> { ["NoWarn"] = "CBT1116" });
        Assert.True(promoted.Ran(Task));
        Assert.Equal(["CBT1116"], promoted.ErrorCodes);
    }

    [Fact]
    public void A_failed_validation_fails_again_on_the_next_build_without_changes()
    {
        var topology = SampleInputs.Topology();
        topology["xmpp"] = true;
        topology["productVersion"] = "SfB2019";
        var project = Project(topology, SampleInputs.Policy());
        var first = InProcessBuild.Run(project);
        var second = InProcessBuild.Run(project);
        Assert.False(first.Succeeded);
        Assert.False(second.Succeeded);
        Assert.True(second.Ran(Task));
        Assert.Equal(["CBT1111"], second.ErrorCodes);
        Assert.False(File.Exists(_dir.File("obj/certbuild/validate.stamp")));
    }

    [Fact]
    public void Switching_to_another_topology_file_reruns_even_when_that_file_is_older()
    {
        var bad = SampleInputs.Topology();
        bad["xmpp"] = true;
        bad["productVersion"] = "SfB2019";
        _dir.Write("older-bad.json", SampleInputs.ToText(bad));
        File.SetLastWriteTimeUtc(_dir.File("older-bad.json"), DateTime.UtcNow.AddDays(-30));
        var good = Project(SampleInputs.Topology(), SampleInputs.Policy());
        Assert.True(InProcessBuild.Run(good).Succeeded);

        var switched = InProcessBuild.WriteProject(_dir, "<ItemGroup><CertTopology Include=\"older-bad.json\" /><CertPolicy Include=\"policy.json\" /></ItemGroup>");
        var build = InProcessBuild.Run(switched);
        Assert.True(build.Ran(Task));
        Assert.Equal(["CBT1111"], build.ErrorCodes);
    }

    [Theory]
    [InlineData("{ \"productVersion\": ", "CBT1003")]
    [InlineData("", "CBT1002")]
    [InlineData("{ \"productVersion\": \"SfB2015\", \"sipDomains\": [\"contoso.com\"], \"sites\": [{ \"name\": \"a\", \"pools\": [] }], \"bogus\": 1 }", "CBT1004")]
    public void Broken_inputs_give_one_cbt_error_and_never_MSB4018(string text, string code)
    {
        _dir.Write("topology.json", text);
        var project = InProcessBuild.WriteProject(_dir, "<ItemGroup><CertTopology Include=\"topology.json\" /></ItemGroup>");
        var build = InProcessBuild.Run(project);
        Assert.False(build.Succeeded);
        var error = Assert.Single(build.Errors);
        Assert.Equal(code, error.Code);
        Assert.True(error.LineNumber >= 1);
    }

    [Fact]
    public void A_missing_topology_file_is_CBT1001_and_no_item_at_all_is_CBT1007()
    {
        var missing = InProcessBuild.Run(InProcessBuild.WriteProject(_dir, "<ItemGroup><CertTopology Include=\"nowhere.json\" /></ItemGroup>"));
        Assert.Equal(["CBT1001"], missing.ErrorCodes);

        var none = InProcessBuild.Run(InProcessBuild.WriteProject(_dir, string.Empty));
        var error = Assert.Single(none.Errors);
        Assert.Equal("CBT1007", error.Code);
        Assert.EndsWith("test.proj", error.File, StringComparison.Ordinal);
    }

    [Fact]
    public void Outputs_are_registered_in_FileWrites_even_when_the_target_is_skipped()
    {
        var project = Project(SampleInputs.Topology(), SampleInputs.Policy());
        Assert.True(InProcessBuild.Run(project).Succeeded);
        var collection = new Microsoft.Build.Evaluation.ProjectCollection();
        try
        {
            var instance = new Microsoft.Build.Execution.ProjectInstance(project, new Dictionary<string, string>(), null, collection);
            Assert.True(instance.Build(["CertBuild"], []));
            var writes = instance.GetItems("FileWrites").Select(i => i.EvaluatedInclude.Replace('\\', '/')).ToList();
            Assert.Contains(writes, w => w.EndsWith("obj/certbuild.sarif", StringComparison.Ordinal));
            Assert.Contains(writes, w => w.EndsWith("obj/certbuild/validate.stamp", StringComparison.Ordinal));
        }
        finally
        {
            collection.Dispose();
        }
    }
}
