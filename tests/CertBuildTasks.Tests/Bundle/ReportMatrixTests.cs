using AngleSharp.Html.Parser;
using CertBuildTasks.Bundle;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Bundle;

/// <summary>The report's certificate matrix, read back with an HTML5 parser.</summary>
public sealed class ReportMatrixTests
{
    private static AngleSharp.Html.Dom.IHtmlDocument Report()
    {
        var plan = Plan.Run(SampleInputs.Topology(), SampleInputs.Policy()).Plan;
        return new HtmlParser().ParseDocument(ReportWriter.Write(new ReportContent("Contoso", DateTimeOffset.UnixEpoch, plan, [], new Dictionary<string, IssuedRecord>(), [], [], "/project", "test")));
    }

    [Fact]
    public void The_global_oauth_certificate_is_shown_as_global_never_in_a_servers_cell()
    {
        var report = Report();
        var matrix = report.QuerySelector("table.matrix")!;
        Assert.DoesNotContain(LyncUsage.OAuthTokenIssuer, matrix.QuerySelectorAll("th").Select(th => th.TextContent));
        Assert.DoesNotContain(matrix.QuerySelectorAll("td a"), a => a.GetAttribute("href") == "#oauth-contoso.com");
        var global = Assert.Single(report.QuerySelectorAll("p"), p => p.TextContent.StartsWith("Global OAuthTokenIssuer", StringComparison.Ordinal));
        Assert.Contains("-Identity Global", global.TextContent, StringComparison.Ordinal);
        Assert.Contains("fe01.contoso.com", global.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reverse_proxy_and_the_office_web_apps_farm_are_listed_below_the_matrix()
    {
        var lines = Report().QuerySelectorAll("p").Select(p => p.TextContent).ToList();
        Assert.Contains(lines, l => l.StartsWith("Reverse proxy: webext.contoso.com", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Office Web Apps farm: owas01.contoso.com", StringComparison.Ordinal));
    }
}
