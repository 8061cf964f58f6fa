using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.MSBuild;

/// <summary>The CertTopologyOverrides item in a real build: it is an input of every stage.</summary>
[Trait("Lane", "Build")]
[Collection(MSBuildTestGroup.Name)]
public sealed class CertTopologyOverridesTargetTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Editing_the_overrides_reruns_validation_and_planning_and_changes_the_plan()
    {
        _dir.Write(".editorconfig", "root = true\n");
        const string Urls = """ "meet": [ { "domain": "contoso.com", "url": "https://meet.contoso.com" } ], "dialin": "https://dialin.contoso.com" """;
        var overrides = _dir.Write("overrides.json", "{ \"simpleUrls\": {" + Urls + "} }");
        var project = InProcessBuild.WriteProject(_dir, $"""
            <ItemGroup>
              <CertTopology Include="{XmlTopology.Shared(XmlTopology.ContosoTbxml)}" />
              <CertTopologyOverrides Include="overrides.json" />
            </ItemGroup>
            """);

        var first = InProcessBuild.Run(project);
        Assert.True(first.Succeeded, first.Describe());
        var plan = File.ReadAllText(_dir.File("bin/certbundle/plan.json"));
        Assert.DoesNotContain("admin.contoso.com", plan, StringComparison.Ordinal);

        var unchanged = InProcessBuild.Run(project);
        Assert.False(unchanged.Ran("ValidateCertificateInputs"));
        Assert.False(unchanged.Ran("PlanCertificates"));

        File.WriteAllText(overrides, "{ \"simpleUrls\": {" + Urls + ", \"admin\": \"https://admin.contoso.com\" } }");
        File.SetLastWriteTimeUtc(overrides, DateTime.UtcNow.AddSeconds(5));
        var edited = InProcessBuild.Run(project);
        Assert.True(edited.Succeeded, edited.Describe());
        Assert.True(edited.Ran("ValidateCertificateInputs"));
        Assert.True(edited.Ran("PlanCertificates"));
        Assert.Contains("admin.contoso.com", File.ReadAllText(_dir.File("bin/certbundle/plan.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_overrides_file_fails_the_build_at_its_own_line()
    {
        _dir.Write(".editorconfig", "root = true\n");
        _dir.Write("overrides.json", "{\n  \"pools\": [ { \"fqdn\": \"nosuch.contoso.com\" } ]\n}");
        var project = InProcessBuild.WriteProject(_dir, $"""
            <ItemGroup>
              <CertTopology Include="{XmlTopology.Shared(XmlTopology.ContosoTbxml)}" />
              <CertTopologyOverrides Include="overrides.json" />
            </ItemGroup>
            """);

        var build = InProcessBuild.Run(project);

        Assert.False(build.Succeeded);
        var error = Assert.Single(build.Errors);
        Assert.Equal(("CBT1013", 2), (error.Code, error.LineNumber));
        Assert.EndsWith("overrides.json", error.File, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("bin/certbundle/plan.json")));
    }
}
