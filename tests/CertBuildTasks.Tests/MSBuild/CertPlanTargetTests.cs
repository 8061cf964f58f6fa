using System.Text.Json;
using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.MSBuild;

/// <summary>The CertPlan target in process: plan.json, @(CertPlannedCertificate), incrementality, failure.</summary>
[Trait("Lane", "Build")]
[Collection(MSBuildTestGroup.Name)]
public sealed class CertPlanTargetTests : IDisposable
{
    private const string Task = "PlanCertificates";

    // A user target hooked after CertPlan asks for the planned certificates and prints them with some metadata.
    private const string UserTarget = """
        <Target Name="ShowPlan" AfterTargets="CertPlan" DependsOnTargets="CertGetPlannedCertificates">
          <Message Importance="high" Text="PLANNED %(CertPlannedCertificate.Identity) kind=%(CertPlannedCertificate.Kind) usages=%(CertPlannedCertificate.Usages) subject=%(CertPlannedCertificate.SubjectName) servers=%(CertPlannedCertificate.Servers) mode=%(CertPlannedCertificate.RequestMode)" />
        </Target>
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Project(JObject topology, JObject policy)
    {
        _dir.Write("topology.json", SampleInputs.ToText(topology));
        _dir.Write("policy.json", SampleInputs.ToText(policy));
        _dir.Write(".editorconfig", "root = true\n");
        return InProcessBuild.WriteProject(_dir, "<ItemGroup><CertTopology Include=\"topology.json\" /><CertPolicy Include=\"policy.json\" /></ItemGroup>" + UserTarget);
    }

    private static List<string> Planned(BuildRecord build) =>
        [.. build.Messages.Select(m => m.Message ?? string.Empty).Where(m => m.StartsWith("PLANNED ", StringComparison.Ordinal))];

    [Fact]
    public void The_sample_plan_is_written_to_the_bundle_folder_and_exposed_as_items_even_when_skipped()
    {
        var project = Project(SampleInputs.Topology(), SampleInputs.Policy());
        var first = InProcessBuild.Run(project);
        Assert.True(first.Succeeded, first.Describe());
        Assert.True(first.Ran(Task));
        var planPath = _dir.File("bin/certbundle/plan.json");
        using (var plan = JsonDocument.Parse(File.ReadAllText(planPath)))
        {
            Assert.Equal(12, plan.RootElement.GetProperty("certificates").GetArrayLength());
        }

        var items = Planned(first);
        Assert.Equal(12, items.Count);
        Assert.Contains("PLANNED edge-external-edgepool.contoso.com kind=edgeExternal usages=AccessEdgeExternal,DataEdgeExternal,AudioVideoAuthentication subject=sip.contoso.com servers=edge01.contoso.com,edge02.contoso.com mode=offline", items);

        var bytes = File.ReadAllBytes(planPath);
        var second = InProcessBuild.Run(project);
        Assert.False(second.Ran(Task));
        Assert.Equal(items, Planned(second));
        Assert.Equal(bytes, File.ReadAllBytes(planPath));

        // A changed plan is what the next build's items show (plan.items is read afresh in every build).
        var topology = SampleInputs.Topology();
        var edge = SampleInputs.Pool(topology, "Edge");
        ((Newtonsoft.Json.Linq.JArray)edge["servers"]!).RemoveAt(1);
        _dir.Write("topology.json", SampleInputs.ToText(topology));
        var changed = Planned(InProcessBuild.Run(project));
        Assert.Contains(changed, i => i.StartsWith("PLANNED edge-external-edgepool.contoso.com ", StringComparison.Ordinal) && i.Contains("servers=edge01.contoso.com mode=", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plan_error_fails_the_build_and_keeps_the_previous_plan()
    {
        var project = Project(SampleInputs.Topology(), SampleInputs.Policy());
        Assert.True(InProcessBuild.Run(project).Succeeded);
        var planPath = _dir.File("bin/certbundle/plan.json");
        var good = File.ReadAllBytes(planPath);

        var topology = SampleInputs.Topology();
        SampleInputs.Pool(topology, "Edge")["edge"]!["webConferencingFqdn"] = "webconf.contoso.local"; // CBT2107
        Project(topology, SampleInputs.Policy());
        var failed = InProcessBuild.Run(project);
        Assert.False(failed.Succeeded);
        Assert.Equal(["CBT2107"], failed.ErrorCodes);
        Assert.Equal(good, File.ReadAllBytes(planPath));
        Assert.Empty(Directory.GetFiles(_dir.File("bin/certbundle"), "*.tmp"));

        var again = InProcessBuild.Run(project);
        Assert.True(again.Ran(Task));
        Assert.Equal(["CBT2107"], again.ErrorCodes);
    }

    [Fact]
    public void The_sarif_log_holds_validation_and_plan_results_together()
    {
        var topology = SampleInputs.Topology();
        SampleInputs.Pool(topology, "Mediation")["externalWebFqdn"] = "medext.contoso.com"; // CBT1116 (validation)
        var policy = SampleInputs.Policy();
        policy["wildcards"]!["simpleUrls"] = true;                                      // CBT2105 (plan)
        var project = Project(topology, policy);
        var build = InProcessBuild.Run(project);
        Assert.True(build.Succeeded, build.Describe());
        Assert.Equal(["CBT1116", "CBT2105", "CBT2105"], build.WarningCodes.Order());

        static List<string> SarifIds(string path)
        {
            using var sarif = JsonDocument.Parse(File.ReadAllText(path));
            return [.. sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()!).Order()];
        }

        Assert.Equal(["CBT1116", "CBT2105", "CBT2105"], SarifIds(_dir.File("obj/certbuild.sarif")));

        // A no-op build skips both stages and the log still has both.
        var noop = InProcessBuild.Run(project);
        Assert.False(noop.Ran("ValidateCertificateInputs"));
        Assert.Equal(["CBT1116", "CBT2105", "CBT2105"], SarifIds(_dir.File("obj/certbuild.sarif")));

        // CI may delete the log after uploading it: validation runs again and rewrites it with every
        // stage's stored findings; planning, whose result did not change, does not have to.
        File.Delete(_dir.File("obj/certbuild.sarif"));
        var rerun = InProcessBuild.Run(project);
        Assert.True(rerun.Ran("ValidateCertificateInputs"));
        Assert.False(rerun.Ran(Task));
        Assert.Equal(["CBT1116", "CBT2105", "CBT2105"], SarifIds(_dir.File("obj/certbuild.sarif")));
    }
}
