using CertBuildTasks.Input;
using CertBuildTasks.Bench;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Naming;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;
using CertBuildTasks.Validation;
using Newtonsoft.Json.Linq;
using CertBuildTasks.Bundle;
using CertBuildTasks.Pipeline;

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
        Assert.Equal(12,  plan.Plan.Certificates.Length);
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
        Assert.Equal(["pool01.contoso.com", "fe01.contoso.com"], def.SanNames);
        var external = fe01.Single(c => c.Usages[0] == LyncUsage.WebServicesExternal);
        Assert.DoesNotContain("admin.contoso.com", external.SanNames);
        Assert.DoesNotContain("lyncdiscoverinternal.contoso.com", external.SanNames);
        Assert.Contains("webext.contoso.com", external.SanNames);
        var friendlyNames = fe01.Select(c => c.FriendlyName).ToList();
        Assert.Equal(3, friendlyNames.Distinct().Count());
    }

    [Fact]
    public void A_pool_members_certificate_names_the_pool_and_this_server_never_another_member()
    {
        var plan = Sample();
        foreach (var c in plan.Plan.Certificates.Where(c => c.Pool is not null && c.Servers.Length == 1))
        {
            var others = plan.Plan.Certificates.Where(o => o.Pool == c.Pool).SelectMany(o => o.Servers).Distinct().Where(s => s != c.Servers[0]);
            Assert.Empty(c.SanNames.Intersect(others));
            Assert.Equal([c.Pool!, c.Servers[0]], c.SanNames.Take(2));
        }

        Assert.Equal(["medpool.contoso.com", "med02.contoso.com"], plan["mediation-med02.contoso.com"].SanNames);
    }

    [Theory]
    [InlineData("FrontEnd", "fe09.contoso.com")]
    [InlineData("Director", "dir09.contoso.com")]
    [InlineData("Mediation", "med09.contoso.com")]
    public void Adding_or_removing_a_member_changes_no_other_members_certificate(string role, string added)
    {
        static string Shape(PlannedCertificate c) => string.Join("|", c.Id, c.SubjectName, string.Join(",", c.SanNames), string.Join(",", c.Servers), c.FriendlyName);
        var before = Sample().Plan.Certificates.ToDictionary(c => c.Id, Shape);
        var grown = Sample(t => ((JArray)SampleInputs.Pool(t, role)["servers"]!).Add(added)).Plan.Certificates.ToDictionary(c => c.Id, Shape);
        var shrunk = Sample(t => ((JArray)SampleInputs.Pool(t, role)["servers"]!).RemoveAt(0)).Plan.Certificates.ToDictionary(c => c.Id, Shape);

        // Only the added member's certificate is new (and the reverse proxy, which is not a member's);
        // every certificate the smaller plan keeps is byte for byte the one it had.
        Assert.EndsWith(added, Assert.Single(grown.Keys.Except(before.Keys)), StringComparison.Ordinal);
        Assert.All(before, pair => Assert.Equal(pair.Value, grown[pair.Key]));
        Assert.Single(before.Keys.Except(shrunk.Keys));
        Assert.All(shrunk, pair => Assert.Equal(before[pair.Key], pair.Value));
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
        Assert.Equal(["pool01.contoso.com", "fe01.contoso.com", "webext.contoso.com", "*.contoso.com", "*.fabrikam.com"], fe.SanNames);
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

        // An identity of its own: the A/V Edge FQDN, never the Access Edge certificate's subject and names,
        // so no lookup by names can take the Access Edge certificate for it.
        var access = plan["edge-external-edgepool.contoso.com"];
        Assert.Equal("av.contoso.com", av.SubjectName);
        Assert.Equal(["av.contoso.com"], av.SanNames);
        Assert.NotEqual(access.FriendlyName, av.FriendlyName);
        Assert.DoesNotContain(av.SubjectName, access.SanNames);
    }

    [Fact]
    public void With_the_av_edge_on_the_access_fqdn_the_separate_av_certificate_is_told_apart_by_its_friendly_name()
    {
        var plan = Sample(
            t => SampleInputs.Pool(t, "Edge")["edge"]!["audioVideoFqdn"] = "sip.contoso.com",
            p => p["layout"]!["audioVideo"] = "separate");
        var av = plan["edge-av-edgepool.contoso.com"];
        Assert.Equal("sip.contoso.com", av.SubjectName);
        Assert.StartsWith("Edge A/V Authentication", av.FriendlyName, StringComparison.Ordinal);
        Assert.NotEqual(plan["edge-external-edgepool.contoso.com"].FriendlyName, av.FriendlyName);
    }

    [Fact]
    public void Every_office_web_apps_farm_gets_a_certificate_for_its_internal_and_external_fqdn()
    {
        var plan = Sample();
        var owa = plan["officewebapps-owas01.contoso.com"];
        Assert.Equal("owas01.contoso.com", owa.SubjectName);
        Assert.Equal(["owas01.contoso.com", "owas.contoso.com"], owa.SanNames);
        Assert.Equal(AuthorityKind.Public, owa.CertificateAuthority); // published outside through the reverse proxy
        Assert.Equal(RequestMode.Offline, owa.RequestMode);
        Assert.True(owa.ExportablePrivateKey); // every machine of the farm installs it
        Assert.Empty(owa.Servers);
        Assert.Empty(owa.Usages); // not a Lync usage: New-OfficeWebAppsFarm -CertificateName takes it
        Assert.Null(owa.Subject.OrganizationalUnit);

        var internalOnly = Sample(t => ((JObject)((JArray)t["officeWebApps"]!)[0]).Remove("externalFqdn"))["officewebapps-owas01.contoso.com"];
        Assert.Equal(["owas01.contoso.com"], internalOnly.SanNames);
        Assert.Equal(AuthorityKind.Internal, internalOnly.CertificateAuthority);
        Assert.Equal(RequestMode.Certreq, internalOnly.RequestMode); // the sample names its enterprise CA
        Assert.Equal("WebServer", internalOnly.Template);

        var chosen = Sample(policy: p => p["certificates"] = new JObject { ["officeWebApps"] = new JObject { ["authority"] = "internal" } })["officewebapps-owas01.contoso.com"];
        Assert.Equal(AuthorityKind.Internal, chosen.CertificateAuthority);
    }

    [Fact]
    public void Friendly_names_carry_the_request_month_so_a_renewal_never_repeats_one()
    {
        var validation = Validate.Run(SampleInputs.Topology(), SampleInputs.Policy());
        var now = PlanStage.Run(validation.Result.Topology!, validation.Result.Policy!, new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero)).Plan;
        var renewal = PlanStage.Run(validation.Result.Topology!, validation.Result.Policy!, new DateTimeOffset(2027, 1, 15, 0, 0, 0, TimeSpan.Zero)).Plan;
        var again = PlanStage.Run(validation.Result.Topology!, validation.Result.Policy!, new DateTimeOffset(2026, 1, 31, 23, 59, 0, TimeSpan.Zero)).Plan;
        Assert.Equal("Front End pool01.contoso.com 2026-01", now.Certificates.Single(c => c.Id == "frontend-fe01.contoso.com").FriendlyName);
        Assert.All(now.Certificates.Zip(renewal.Certificates), pair => Assert.NotEqual(pair.First.FriendlyName, pair.Second.FriendlyName));
        Assert.Equal(now.Certificates.Select(c => c.FriendlyName), again.Certificates.Select(c => c.FriendlyName)); // reproducible within the month

        var placed = Sample(policy: p => p["friendlyName"] = "{requested} {kind} {server}");
        Assert.Equal("2026-12 Front End fe01.contoso.com", placed["frontend-fe01.contoso.com"].FriendlyName);
    }

    [Fact]
    public void Public_ca_requests_carry_no_organizational_unit()
    {
        var plan = Sample();
        Assert.All(plan.Plan.Certificates.Where(c => c.CertificateAuthority == AuthorityKind.Public), c => Assert.Null(c.Subject.OrganizationalUnit));
        Assert.Equal("IT", plan["frontend-fe01.contoso.com"].Subject.OrganizationalUnit?.Value);
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
        // A workgroup Edge in the perimeter network cannot enrol online: offline unless the policy says certreq.
        Assert.Equal(RequestMode.Offline, plan["edge-internal-edgepool.contoso.com"].RequestMode);
        var chosen = Sample(policy: p => p["certificates"] = new JObject { ["edgeInternal"] = new JObject { ["requestMode"] = "certreq" } });
        Assert.Equal(RequestMode.Certreq, chosen["edge-internal-edgepool.contoso.com"].RequestMode);
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
        var validation = InputValidator.Validate(InputFileReader.Files, path, null);
        Assert.DoesNotContain(validation.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var a = PlanStage.Run(validation.Topology!, validation.Policy!, Plan.RequestTime).Plan;
        var b = PlanStage.Run(validation.Topology!, validation.Policy!, Plan.RequestTime).Plan;
        Assert.Equal(10_002, a.Certificates.Length);
        Assert.Equal(PlanJsonWriter.Write(a, "x"), PlanJsonWriter.Write(b, "x"));
    }
}
