using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.MSBuild;

/// <summary>CertConvertTopology in process: XML (+ overrides) to JSON that plans the same certificates.</summary>
[Trait("Lane", "Build")]
[Collection(MSBuildTestGroup.Name)]
public sealed class CertConvertTopologyTargetTests : IDisposable
{
    private readonly TempDirectory _xmlProject = new();
    private readonly TempDirectory _jsonProject = new();

    public void Dispose()
    {
        _xmlProject.Dispose();
        _jsonProject.Dispose();
    }

    private static string Project(TempDirectory dir, string topology, string? overrides = null)
    {
        dir.Write(".editorconfig", "root = true\n");
        var items = $"<CertTopology Include=\"{topology}\" />" + (overrides is null ? string.Empty : $"<CertTopologyOverrides Include=\"{overrides}\" />");
        return InProcessBuild.WriteProject(dir, $"<ItemGroup>{items}</ItemGroup>");
    }

    [Theory]
    [InlineData("tbxml")]
    [InlineData("published")]
    public void The_converted_json_plans_the_same_plan_json_bytes(string source)
    {
        string topology, overrides = string.Empty;
        if (source == "tbxml")
        {
            topology = XmlTopology.Shared(XmlTopology.ContosoTbxml);
        }
        else
        {
            topology = XmlTopology.Fixture("published-director-edge.xml");
            overrides = XmlTopology.Fixture("published-director-edge.overrides.json");
        }

        var xmlProject = Project(_xmlProject, topology, overrides.Length == 0 ? null : overrides);
        var built = InProcessBuild.Run(xmlProject);
        Assert.True(built.Succeeded, built.Describe());

        var converted = _jsonProject.File("converted.json");
        var convert = InProcessBuild.Run(xmlProject, "CertConvertTopology", new Dictionary<string, string?> { ["CertConvertedTopologyFile"] = converted });
        Assert.True(convert.Succeeded, convert.Describe());
        Assert.True(File.Exists(converted));

        // "$schema" leads, relative to the file, to the schema CertCopySchemas put beside the project:
        // the bytes the validator uses, so an editor completes and checks what the build will.
        var schema = (string)Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(converted))["$schema"]!;
        Assert.False(Path.IsPathRooted(schema), schema);
        var schemaFile = Path.GetFullPath(Path.Combine(_jsonProject.Path, schema));
        Assert.Equal(_xmlProject.File("certbuild-schemas/topology.schema.json"), schemaFile);
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.Root, "schemas", "topology.schema.json")), File.ReadAllBytes(schemaFile));

        var jsonBuild = InProcessBuild.Run(Project(_jsonProject, "converted.json"));
        Assert.True(jsonBuild.Succeeded, jsonBuild.Describe());
        // The converted file is the same topology: only what the topology itself lacks is said (the
        // Contoso Topology Builder file names no reverse proxy for its Edge).
        Assert.Equal(source == "tbxml" ? ["CBT1119"] : [], jsonBuild.Warnings.Select(w => w.Code));
        Assert.Equal(
            File.ReadAllBytes(_xmlProject.File("bin/certbundle/plan.json")),
            File.ReadAllBytes(_jsonProject.File("bin/certbundle/plan.json")));
    }

    [Fact]
    public void Conversion_never_overwrites_an_existing_file_unless_asked()
    {
        var project = Project(_xmlProject, XmlTopology.Shared(XmlTopology.OtcTbxml));
        var existing = _xmlProject.Write("otc-sfb2019-standard.topology.json", "{ \"edited\": true }");

        var refused = InProcessBuild.Run(project, "CertConvertTopology");
        Assert.False(refused.Succeeded);
        Assert.Equal(["CBT1014"], refused.ErrorCodes);
        Assert.Equal("{ \"edited\": true }", File.ReadAllText(existing));

        var forced = InProcessBuild.Run(project, "CertConvertTopology", new Dictionary<string, string?> { ["CertConvertOverwrite"] = "true" });
        Assert.True(forced.Succeeded, forced.Describe());
        Assert.Contains("\"role\": \"StandardEdition\"", File.ReadAllText(existing), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("test.proj", "one of the build's inputs")]
    [InlineData("Directory.Build.props", "is a .json file")]
    [InlineData(".editorconfig", "is a .json file")]
    [InlineData("global.json", "a file the .NET SDK reads")]
    [InlineData("app.runtimeconfig.json", "a file the .NET SDK reads")]
    public void Conversion_never_overwrites_the_project_or_what_the_sdk_reads_even_when_asked(string destination, string why)
    {
        var project = Project(_xmlProject, XmlTopology.Shared(XmlTopology.OtcTbxml));
        var target = _xmlProject.File(destination);
        if (!File.Exists(target))
        {
            File.WriteAllText(target, "<!-- the admin's -->");
        }

        var before = File.ReadAllBytes(target);
        var build = InProcessBuild.Run(project, "CertConvertTopology", new Dictionary<string, string?> { ["CertConvertedTopologyFile"] = destination, ["CertConvertOverwrite"] = "true" });
        Assert.False(build.Succeeded);
        var error = Assert.Single(build.Errors);
        Assert.Equal("CBT1014", error.Code);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(target));
    }

    [Fact]
    public void A_site_named_like_a_date_beyond_year_9999_converts_as_text()
    {
        // A date-shaped string must stay a string when the converted JSON is read back (found by the fuzzer).
        const string Name = "9999-12-31T23:59:59.9999999+14:00";
        var xml = File.ReadAllText(XmlTopology.Fixture("published-director-edge.xml")).Replace("<Name>Redmond</Name>", "<Name>" + Name + "</Name>", StringComparison.Ordinal);
        var topology = _xmlProject.Write("site.xml", xml);
        var project = Project(_xmlProject, topology, XmlTopology.Fixture("published-director-edge.overrides.json"));
        var build = InProcessBuild.Run(project, "CertConvertTopology", new Dictionary<string, string?> { ["CertConvertedTopologyFile"] = "site.json" });
        Assert.True(build.Succeeded, build.Describe());
        Assert.Contains("\"" + Name + "\"", File.ReadAllText(_xmlProject.File("site.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Conversion_without_a_topology_item_is_a_product_diagnostic_not_an_msbuild_error()
    {
        var project = InProcessBuild.WriteProject(_xmlProject, string.Empty);

        var build = InProcessBuild.Run(project, "CertConvertTopology");

        Assert.False(build.Succeeded);
        Assert.Equal(["CBT1007"], build.ErrorCodes);
    }

    [Fact]
    public void Conversion_reports_what_it_had_to_assume_and_refuses_to_overwrite_its_inputs()
    {
        var overrides = _xmlProject.Write("overrides.json", "{ }");
        var project = Project(_xmlProject, XmlTopology.Fixture("published-director-edge.xml"), "overrides.json");

        var build = InProcessBuild.Run(project, "CertConvertTopology", new Dictionary<string, string?> { ["CertConvertedTopologyFile"] = "overrides.json", ["CertConvertOverwrite"] = "true" });

        Assert.False(build.Succeeded);
        Assert.Equal(["CBT1014"], build.ErrorCodes);
        Assert.Contains("CBT1012", build.WarningCodes);
        Assert.Equal("{ }", File.ReadAllText(overrides));
    }
}
