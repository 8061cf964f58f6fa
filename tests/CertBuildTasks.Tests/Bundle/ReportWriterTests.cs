using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CertBuildTasks.Bundle;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Generation;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Bundle;

/// <summary>report.html for the person who deploys, read back with an HTML5 parser.</summary>
public sealed class ReportWriterTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private static readonly Generate.Outcome Sample = Generate.Run(SampleInputs.Policy());

    /// <summary>Every certificate issued a year ago for two years, except the Edge's (ends in 20 days) and the reverse proxy's (not issued).</summary>
    private static Dictionary<string, IssuedRecord> Issued(out PlannedCertificate urgent, out PlannedCertificate missing)
    {
        var certificates = Sample.Plan.Certificates;
        urgent = certificates.First(c => c.Kind == CertificateKind.EdgeExternal);
        missing = certificates.First(c => c.Kind == CertificateKind.ReverseProxy);
        var issued = new Dictionary<string, IssuedRecord>(StringComparer.Ordinal);
        foreach (var c in certificates.Where(c => c.Kind != CertificateKind.ReverseProxy))
        {
            var notAfter = c.Kind == CertificateKind.EdgeExternal ? AsOf.AddDays(20) : AsOf.AddDays(365);
            issued[c.Id] = new IssuedRecord(c.Id, new string('A', 40), AsOf.AddDays(-365), notAfter, c.Id + ".cer", [], []);
        }

        return issued;
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static ReportContent Content(IReadOnlyDictionary<string, IssuedRecord>? issued = null, IReadOnlyList<Diagnostic>? diagnostics = null) =>
        new("Contoso", AsOf, Sample.Plan, diagnostics ?? [], issued ?? new Dictionary<string, IssuedRecord>(), [], Sample.Files, "/project", "test");

    [Fact]
    public void The_title_names_the_project_and_every_contents_link_leads_to_a_section()
    {
        var report = Parse(ReportWriter.Write(Content(Issued(out _, out _))));

        Assert.StartsWith("Contoso", report.Title, StringComparison.Ordinal);
        var contents = report.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(["#attention", "#steps", "#expiry", "#matrix", "#certificates", "#diagnostics"], contents);
        foreach (var href in report.QuerySelectorAll("a[href^='#']").Select(a => a.GetAttribute("href")!))
        {
            Assert.True(report.GetElementById(href[1..]) is not null, "no element for " + href);
        }
    }

    [Fact]
    public void The_certificate_ending_in_20_days_is_marked_urgent_with_its_days_left_renew_by_date_and_today_marker()
    {
        var report = Parse(ReportWriter.Write(Content(Issued(out var urgent, out _))));

        var rows = report.QuerySelectorAll("#expiry ~ div table.expiry tr").Skip(1).ToList();
        var first = rows[0];
        Assert.Equal(urgent.Id, first.QuerySelector("td a")!.TextContent);
        Assert.Equal("urgent", first.ClassName);
        var cells = first.QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        Assert.Equal("20", cells[2]);
        Assert.Equal("2026-11-23", cells[3]); // 30 days (expiryWarningDays) before 2026-12-23
        Assert.NotNull(first.QuerySelector(".bar.urgent"));
        Assert.NotNull(first.QuerySelector(".today"));
        Assert.All(rows.Skip(1), row => Assert.Equal("ok", row.ClassName));

        var attention = report.QuerySelectorAll("ul.attention li").Select(li => li.TextContent).ToList();
        Assert.Contains(attention, l => l.StartsWith(urgent.Id, StringComparison.Ordinal) && l.Contains("expires in 20 days", StringComparison.Ordinal) && l.Contains("renew by 2026-11-23", StringComparison.Ordinal));
    }

    [Fact]
    public void Certificates_not_yet_issued_and_requests_for_the_public_ca_are_named_first()
    {
        var report = Parse(ReportWriter.Write(Content(Issued(out _, out var missing))));

        var attention = report.QuerySelectorAll("ul.attention li").Select(li => li.TextContent).ToList();
        Assert.Contains(attention, l => l.StartsWith("1 certificate not issued yet: " + missing.Id, StringComparison.Ordinal));
        Assert.Contains(attention, l => l.StartsWith("To the public CA", StringComparison.Ordinal) && l.Contains(missing.Id, StringComparison.Ordinal));

        var none = Parse(ReportWriter.Write(Content()));
        Assert.Contains(none.QuerySelectorAll("ul.attention li"), li => li.TextContent.StartsWith("No certificate is issued yet", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_server_s_steps_are_its_runbook_s_steps_in_deployment_order()
    {
        var report = Parse(ReportWriter.Write(Content()));

        var servers = report.QuerySelectorAll("#steps ~ details summary").Select(s => s.TextContent).ToList();
        Assert.Equal(RunbookOrder(), servers);
        var fe01 = report.QuerySelectorAll("details").First(d => d.QuerySelector("summary")!.TextContent == "fe01.contoso.com");
        var commands = fe01.QuerySelectorAll("li code").Select(c => c.TextContent).ToList();
        Assert.Contains(@".\Request-Certificates.ps1", commands);
        Assert.Contains(commands, c => c.StartsWith(@".\Set-Certificates.ps1", StringComparison.Ordinal));

        // The deployment order of global\runbook.md comes first, as the runbook numbers it.
        var order = report.QuerySelector("#steps ~ ol")!.QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        Assert.StartsWith("On fe01.contoso.com: request", order[0], StringComparison.Ordinal);
    }

    /// <summary>The servers with a runbook, in the order global\runbook.md names their runbooks.</summary>
    private static List<string> RunbookOrder()
    {
        var deployment = Sample.Text("global/runbook.md");
        return [.. Sample.Files.Select(f => f.RelativePath)
            .Where(p => p.StartsWith("servers/", StringComparison.Ordinal) && p.EndsWith("/runbook.md", StringComparison.Ordinal))
            .Select(p => p.Split('/')[1])
            .OrderBy(s => deployment.IndexOf(@"servers\" + s + @"\runbook.md", StringComparison.Ordinal) is var i and >= 0 ? i : int.MaxValue)];
    }

    [Fact]
    public void A_failed_build_s_report_has_the_banner_the_findings_and_each_rule_explained_with_links_inside_the_page()
    {
        var error = Diagnostic.Create(CertBuildTasks.Rules.Topology.PoolTooLargeRule.Rule, new SourceLocation("/project/topology.json", 12, 7), "FrontEnd", "fepool.contoso.com", 13, "Skype for Business Server", 12);
        var content = new ReportContent("Contoso", AsOf, null, [error], new Dictionary<string, IssuedRecord>(), [], [], "/project", "test", Failed: true);

        var report = Parse(ReportWriter.Write(content));

        Assert.Contains("This build failed", report.QuerySelector(".banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["#attention", "#diagnostics", "#rules"], report.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")));
        var row = report.QuerySelector("#diagnostics ~ div table tr:nth-child(2)")!;
        Assert.Equal("topology.json(12,7)", row.QuerySelector("code")!.TextContent);
        Assert.Equal("#rule-CBT1120", row.QuerySelector("a")!.GetAttribute("href"));
        var rule = report.GetElementById("rule-CBT1120")!;
        Assert.Contains("Why", rule.QuerySelectorAll("h4").Select(h => h.TextContent));
        Assert.Contains("How to fix", rule.QuerySelectorAll("h4").Select(h => h.TextContent));

        // CBT1120's page links CBT1121, which the report does not explain: the text stays, the link to a file it lacks goes.
        Assert.DoesNotContain(report.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.EndsWith(".md", StringComparison.Ordinal));
        foreach (var href in report.QuerySelectorAll("a[href^='#']").Select(a => a.GetAttribute("href")!))
        {
            Assert.True(report.GetElementById(href[1..]) is not null, "no element for " + href);
        }
    }

    [Fact]
    public void With_the_rule_pages_on_the_web_each_rule_links_its_page_there()
    {
        var error = Diagnostic.Create(CertBuildTasks.Rules.Topology.PoolTooLargeRule.Rule, new SourceLocation("/project/topology.json", 12, 7), "FrontEnd", "fepool.contoso.com", 13, "Skype for Business Server", 12);
        var content = new ReportContent("Contoso", AsOf, null, [error], new Dictionary<string, IssuedRecord>(), [], [], "/project", "test", Failed: true, HelpBase: new Uri("https://example.test/docs/rules/"));

        var links = Parse(ReportWriter.Write(content)).QuerySelectorAll("#rule-CBT1120 a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Contains("https://example.test/docs/rules/CBT1120.md", links);
        Assert.Contains("https://example.test/docs/rules/CBT1121.md", links);
    }

    [Fact]
    public void A_large_estate_shows_the_first_servers_steps_and_says_where_the_rest_are()
    {
        var estate = Generate.Run(SampleInputs.Policy(), Newtonsoft.Json.Linq.JObject.Parse(CertBuildTasks.Bench.SyntheticTopology.Json(500)));
        var content = new ReportContent("Estate", AsOf, estate.Plan, [], new Dictionary<string, IssuedRecord>(), [], estate.Files, "/project", "test");

        var report = Parse(ReportWriter.Write(content));

        var servers = RunbookGenerator.ServersInOrder(estate.Plan);
        Assert.True(servers.Count > ReportSteps.MaxServers);
        Assert.Equal(servers.Take(ReportSteps.MaxServers), report.QuerySelectorAll("#steps ~ details summary").Select(s => s.TextContent));
        Assert.Contains(report.QuerySelectorAll("p"), p => p.TextContent.StartsWith($"And {servers.Count - ReportSteps.MaxServers} more servers", StringComparison.Ordinal));
    }
}
