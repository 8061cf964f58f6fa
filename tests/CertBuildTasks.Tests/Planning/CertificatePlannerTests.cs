using CertBuildTasks.Bench;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Naming;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;
using CertBuildTasks.Validation;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Planning;

public class CertificatePlannerTests
{
    private static Plan.Outcome Sample(Action<JObject>? topology = null, Action<JObject>? policy = null)
    {
        var t = SampleInputs.Topology();
        var p = SampleInputs.Policy();
        topology?.Invoke(t);
        policy?.Invoke(p);
        return Plan.Run(t, p);
    }

    [Fact]
    public void Every_sample_certificate_keeps_the_ordering_rule_and_ids_are_unique()
    {
        var plan = Sample();
        Assert.Equal(11, plan.Plan.Certificates.Length);
        Assert.Equal(plan.Plan.Certificates.Length, plan.Plan.Certificates.Select(c => c.Id).Distinct().Count());
        foreach (var c in plan.Plan.Certificates)
        {
            var names = c.SanNames.ToList();
            Assert.Equal(c.SubjectName, names[0]);
            Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.All(names, n => Assert.Equal(n.ToLowerInvariant(), n));
            var firstWildcard = names.FindIndex(DnsName.IsWildcard);
            Assert.True(firstWildcard < 0 || names.Skip(firstWildcard).All(DnsName.IsWildcard), c.Id);
            Assert.Contains(EnhancedKeyUsageOids.ServerAuthentication, c.EnhancedKeyUsages);
            Assert.Matches("^[a-z0-9.*-]+$", c.Id);
            Assert.All(c.SubjectAlternativeNames, n => Assert.NotEmpty(n.Reasons));
        }

        Assert.Empty(plan.Diagnostics);
    }

    [Fact]
    public void Separate_layout_gives_each_usage_its_own_certificate_with_only_its_names()
    {
        var plan = Sample(policy: p => p["layout"]!["webServices"] = "separate");
        var fe01 = plan.Plan.Certificates.Where(c => c.Servers.SequenceEqual(["fe01.contoso.com"])).ToList();
        Assert.Equal(3, fe01.Count);
        Assert.All(fe01, c => Assert.Single(c.Usages));
        var def = fe01.Single(c => c.Usages[0] == LyncUsage.Default);
        Assert.Equal(["pool01.contoso.com", "fe01.contoso.com", "fe02.contoso.com", "fe03.contoso.com"], def.SanNames);
        var external = fe01.Single(c => c.Usages[0] == LyncUsage.WebServicesExternal);
        Assert.DoesNotContain("admin.contoso.com", external.SanNames);
        Assert.DoesNotContain("lyncdiscoverinternal.contoso.com", external.SanNames);
        Assert.Contains("webext.contoso.com", external.SanNames);
        var friendlyNames = fe01.Select(c => c.FriendlyName).ToList();
        Assert.Equal(3, friendlyNames.Distinct().Count());
    }

    [Fact]
    public void Certificates_of_one_pool_share_one_san_set()
    {
        var plan = Sample();
        foreach (var pool in plan.Plan.Certificates.Where(c => c.Pool is not null).GroupBy(c => (c.Pool, c.Kind)))
        {
            var sets = pool.Select(c => string.Join(",", c.SanNames.Order(StringComparer.Ordinal))).Distinct().ToList();
            Assert.Single(sets);
        }

        Assert.Equal(["medpool.contoso.com", "med02.contoso.com", "med01.contoso.com"], plan["mediation-med02.contoso.com"].SanNames);
    }

    [Fact]
    public void Mobility_off_removes_every_lyncdiscover_name()
    {
        var plan = Sample(t => t["mobility"] = false);
        Assert.DoesNotContain(plan.Plan.Certificates.SelectMany(c => c.SanNames), n => n.StartsWith("lyncdiscover", StringComparison.Ordinal));
    }

    [Fact]
    public void A_site_with_its_own_simple_urls_replaces_the_global_ones_for_its_pools()
    {
        var plan = Sample(t =>
        {
            t["sites"]![0]!["simpleUrls"] = new JObject
            {
                ["meet"] = new JArray(
                    new JObject { ["domain"] = "contoso.com", ["url"] = "https://meet-redmond.contoso.com" },
                    new JObject { ["domain"] = "fabrikam.com", ["url"] = "https://fabrikam.com/meet" }),
                ["dialin"] = "https://dialin-redmond.contoso.com",
                ["webScheduler"] = "https://scheduler.contoso.com/scheduler",
            };
        });
        var fe = plan["frontend-fe01.contoso.com"];
        Assert.Contains("meet-redmond.contoso.com", fe.SanNames);
        Assert.Contains("fabrikam.com", fe.SanNames);          // a path URL contributes its host only
        Assert.Contains("scheduler.contoso.com", fe.SanNames);
        Assert.DoesNotContain("meet.contoso.com", fe.SanNames);
        Assert.DoesNotContain("dialin.contoso.com", fe.SanNames);
    }

    [Fact]
    public void Wildcard_policy_replaces_simple_url_and_autodiscover_names_and_warns_for_default_usage()
    {
        var plan = Sample(policy: p => p["wildcards"]!["simpleUrls"] = true);
        var fe = plan["frontend-fe01.contoso.com"];
        Assert.Equal(["pool01.contoso.com", "fe01.contoso.com", "fe02.contoso.com", "fe03.contoso.com", "webext.contoso.com", "*.contoso.com", "*.fabrikam.com"], fe.SanNames);
        Assert.Contains("*.contoso.com", plan["reverseproxy-rp01"].SanNames);
        Assert.DoesNotContain(plan["edge-external-edgepool.contoso.com"].SanNames, DnsName.IsWildcard);
        Assert.Equal(2, plan.Of("CBT2105").Count); // once per pool: Front End and Director
    }

    [Fact]
    public void Policy_additional_names_are_appended_to_that_kind_only()
    {
        var plan = Sample(policy: p => p["certificates"] = new JObject { ["frontEnd"] = new JObject { ["additionalNames"] = new JArray("ucupdates-r2.contoso.com") } });
        Assert.Contains("ucupdates-r2.contoso.com", plan["frontend-fe01.contoso.com"].SanNames);
        Assert.DoesNotContain("ucupdates-r2.contoso.com", plan["director-dir01.contoso.com"].SanNames);
    }

    [Fact]
    public void Separate_audio_video_layout_gives_the_edge_a_dedicated_certificate()
    {
        var plan = Sample(policy: p => p["layout"]!["audioVideo"] = "separate");
        Assert.DoesNotContain(LyncUsage.AudioVideoAuthentication, plan["edge-external-edgepool.contoso.com"].Usages);
        var av = plan["edge-av-edgepool.contoso.com"];
        Assert.Equal([LyncUsage.AudioVideoAuthentication], av.Usages.ToArray());
        Assert.True(av.ExportablePrivateKey);
        Assert.Empty(plan.Of("CBT2103"));
    }

    [Fact]
    public void Public_im_connectivity_adds_client_authentication_to_the_edge_external_certificate_only()
    {
        var plan = Sample(policy: p => p["publicImConnectivity"] = true);
        Assert.Contains(EnhancedKeyUsageOids.ClientAuthentication, plan["edge-external-edgepool.contoso.com"].EnhancedKeyUsages);
        Assert.DoesNotContain(EnhancedKeyUsageOids.ClientAuthentication, plan["frontend-fe01.contoso.com"].EnhancedKeyUsages);
    }

    [Fact]
    public void Request_modes_ca_and_templates_follow_the_policy()
    {
        var plan = Sample(policy: p => p["certificates"] = new JObject { ["mediation"] = new JObject { ["requestMode"] = "certreq", ["template"] = "LyncWebServer", ["keySize"] = 4096 } });
        var med = plan["mediation-med01.contoso.com"];
        Assert.Equal(RequestMode.Certreq, med.RequestMode);
        Assert.Equal("LyncWebServer", med.Template);
        Assert.Equal(4096, med.KeySize);
        Assert.Equal("ca01.contoso.com\\Contoso Issuing CA", med.CaConfig);
        var edge = plan["edge-external-edgepool.contoso.com"];
        Assert.Null(edge.Template);
        Assert.Null(edge.CaConfig);
        Assert.Equal(RequestMode.Certreq, plan["edge-internal-edgepool.contoso.com"].RequestMode);
        Assert.Equal("SHA256", med.HashAlgorithm);
    }

    [Fact]
    public void A_plan_that_cannot_be_made_gives_a_diagnostic_not_an_exception()
    {
        var topology = SampleInputs.Topology();
        ((JObject)SampleInputs.Pool(topology, "Edge")["edge"]!).Remove("accessFqdn");
        var plan = Plan.Run(topology, SampleInputs.Policy(), allowValidationErrors: true);
        var d = Assert.Single(plan.Of("CBT2100"));
        Assert.Contains("edgepool.contoso.com", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Plan.Certificates, c => c.Id == "edge-external-edgepool.contoso.com");
        Assert.Contains(plan.Plan.Certificates, c => c.Id == "edge-internal-edgepool.contoso.com");
    }

    [Fact]
    public void The_same_inputs_give_byte_identical_plan_json()
    {
        var first = PlanJsonWriter.Write(Sample().Plan, "1.0.0");
        var second = PlanJsonWriter.Write(Sample().Plan, "1.0.0");
        Assert.Equal(first, second);
        Assert.DoesNotContain((byte)'\r', first);
    }

    [Fact]
    public void A_synthetic_ten_thousand_server_topology_plans_deterministically()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("big.json", SyntheticTopology.Json(10_000));
        var validation = InputValidator.Validate(path, null);
        Assert.DoesNotContain(validation.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var a = PlanStage.Run(validation.Topology!, validation.Policy!).Plan;
        var b = PlanStage.Run(validation.Topology!, validation.Policy!).Plan;
        Assert.Equal(10_002, a.Certificates.Length);
        Assert.Equal(PlanJsonWriter.Write(a, "x"), PlanJsonWriter.Write(b, "x"));
    }
}
