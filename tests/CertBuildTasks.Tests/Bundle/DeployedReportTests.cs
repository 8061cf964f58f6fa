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
        return ReportWriter.Write(Plan, [], new Dictionary<string, IssuedRecord>(), deployed, Dir.Path, "test");
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

        Assert.Contains("<h2>Certificates in service</h2>", html, StringComparison.Ordinal);
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

        var timeline = html[html.IndexOf("<h2>Certificates in service</h2>", StringComparison.Ordinal)..];
        var firstRow = timeline[timeline.IndexOf("<tr><td>", StringComparison.Ordinal)..];
        Assert.StartsWith("<tr><td>edge02.contoso.com</td><td>Internal</td>", firstRow, StringComparison.Ordinal);
        Assert.Contains("exactly the names its planned certificate has", html, StringComparison.Ordinal);
    }
}
