using CertBuildTasks.Bundle;
using CertBuildTasks.Deployed;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Bundle;

/// <summary>The report's expiry timeline and drift table for the certificates in service.</summary>
public sealed class DeployedReportTests : DeployedTestBase
{
    private string Report(List<JObject> set)
    {
        var path = Dir.Write("deployed.json", new JArray(set).ToString());
        var deployed = DeployedCertificateReader.Read(path, null, null, new DiagnosticBag());
        return ReportWriter.Write(new ReportContent("Contoso", Now, Plan, [], new Dictionary<string, IssuedRecord>(), deployed, [], Dir.Path, "test"));
    }

    [Fact]
    public void The_drift_table_shows_missing_and_no_longer_planned_names_per_server_and_usage()
    {
        var set = HealthySet();
        var entry = EntryFor(set, "fe02.contoso.com", "Default");
        var names = (JArray)entry["AlternativeNames"]!;
        names.Where(n => (string)n! == "meet.fabrikam.com").ToList().ForEach(n => n.Remove());
        names.Add("old<script>.contoso.com");

        var html = Report(set);

        Assert.Contains("<h2 id=\"in-service\">Certificates in service</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"error\">meet.fabrikam.com</td>", html, StringComparison.Ordinal);
        Assert.Contains("old&lt;script&gt;.contoso.com", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_timeline_lists_the_earliest_expiry_first_and_a_healthy_set_has_no_drift()
    {
        var set = HealthySet();
        EntryFor(set, "edge02.contoso.com", "Internal")["NotAfter"] = Now.AddDays(3).ToString("o", System.Globalization.CultureInfo.InvariantCulture);

        var html = Report(set);

        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var firstRow = document.QuerySelector("#in-service ~ div table.expiry tr:nth-child(2)")!;
        Assert.Equal(["edge02.contoso.com", "Internal"], firstRow.QuerySelectorAll("td").Take(2).Select(td => td.TextContent));
        // Three days left is inside the 30-day warning window: marked for renewal now, with the days counted.
        Assert.Equal("urgent", firstRow.ClassName);
        Assert.Contains(firstRow.QuerySelectorAll("td"), td => td.TextContent == "3");
        Assert.Contains("exactly the names its planned certificate has", html, StringComparison.Ordinal);
    }
}
