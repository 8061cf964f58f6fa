using System.Globalization;
using AngleSharp.Html.Parser;
using CertBuildTasks.Bundle;
using CertBuildTasks.Issued;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Bundle;

/// <summary>
/// report.html laid out by a real browser (Debian's headless Chromium): no horizontal overflow at a
/// phone's width, the urgent certificate coloured apart from the healthy ones, the today marker inside
/// its track. A probe page around the report reads the layout; the report itself has no script.
/// </summary>
[Trait("Lane", "Build")]
public sealed class ReportLayoutTests : IDisposable
{
    private static readonly DateTimeOffset AsOf = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The report in a frame of the width under test (a desktop window is at least 500 px wide; a frame
    /// lays its page out at its own width, as a phone's viewport does), measured when it has loaded.
    /// </summary>
    private const string Probe = """
        <!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
        <iframe id="r" src="report.html" style="border:0;width:WIDTHpx;height:800px"></iframe>
        <script>
        document.getElementById('r').addEventListener('load', function () {
          var w = this.contentWindow, d = this.contentDocument, b = document.body, root = d.documentElement;
          b.setAttribute('data-scroll-width', root.scrollWidth);
          b.setAttribute('data-window-width', w.innerWidth);
          var color = function (selector) { var e = d.querySelector(selector); return e ? w.getComputedStyle(e).backgroundColor : 'none'; };
          b.setAttribute('data-urgent', color('tr.urgent .bar'));
          b.setAttribute('data-ok', color('tr.ok .bar'));
          var today = d.querySelector('tr.urgent .today'), track = today && today.parentElement;
          b.setAttribute('data-today-inside', today && today.getBoundingClientRect().left >= track.getBoundingClientRect().left && today.getBoundingClientRect().right <= track.getBoundingClientRect().right + 1 ? 'yes' : 'no');
          var wide = [];
          d.querySelectorAll('body *').forEach(function (e) { if (!e.closest('.scroll') && e.getBoundingClientRect().right > w.innerWidth + 0.5) wide.push(e.tagName + '.' + e.className); });
          b.setAttribute('data-overflowing', wide.slice(0, 5).join(' '));
        });
        </script></body></html>
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>The sample's report with every certificate issued, the Edge's ending in 20 days.</summary>
    internal static string SampleReport()
    {
        var sample = Generate.Run(SampleInputs.Policy());
        var issued = new Dictionary<string, IssuedRecord>(StringComparer.Ordinal);
        foreach (var c in sample.Plan.Certificates.Where(c => c.Kind != CertificateKind.ReverseProxy))
        {
            issued[c.Id] = new IssuedRecord(c.Id, new string('A', 40), AsOf.AddDays(-365), c.Kind == CertificateKind.EdgeExternal ? AsOf.AddDays(20) : AsOf.AddDays(365), "issued/" + c.Id + ".cer", [], []);
        }

        return ReportWriter.Write(new ReportContent("Contoso", AsOf, sample.Plan, [], issued, [], sample.Files, "/project", "test"));
    }

    private Dictionary<string, string> Layout(int width)
    {
        _dir.Write("report.html", SampleReport());
        var probe = _dir.Write("probe.html", Probe.Replace("WIDTH", width.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var body = new HtmlParser().ParseDocument(HeadlessChromium.DumpDom(probe, Math.Max(width + 100, 800))).Body!;
        return body.Attributes.Where(a => a.Name.StartsWith("data-", StringComparison.Ordinal)).ToDictionary(a => a.Name, a => a.Value);
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1400)]
    public void The_page_never_scrolls_sideways_and_only_wide_tables_scroll_inside_their_box(int width)
    {
        var layout = Layout(width);

        Assert.Equal(width.ToString(CultureInfo.InvariantCulture), layout["data-window-width"]);
        Assert.True(int.Parse(layout["data-scroll-width"], CultureInfo.InvariantCulture) <= width, $"the page is {layout["data-scroll-width"]} px wide at {width} px");
        Assert.Equal(string.Empty, layout["data-overflowing"]);
    }

    [Fact]
    public void The_urgent_certificate_s_bar_has_its_own_colour_and_the_today_marker_sits_in_its_track()
    {
        var layout = Layout(390);

        Assert.NotEqual("none", layout["data-urgent"]);
        Assert.NotEqual("none", layout["data-ok"]);
        Assert.NotEqual(layout["data-ok"], layout["data-urgent"]);
        Assert.Equal("yes", layout["data-today-inside"]);
    }

    /// <summary>
    /// Screenshots of the report at a desktop's and a phone's width render (a PNG of the window's size).
    /// With REPORT_SCREENSHOT_DIR set they are kept there: docs/images/ holds the ones the README shows.
    /// </summary>
    [Fact]
    public void Screenshots_at_desktop_and_phone_width_render()
    {
        _dir.Write("report.html", SampleReport());
        var probe = _dir.Write("probe.html", Probe.Replace("WIDTH", "390", StringComparison.Ordinal).Replace("height:800px", "height:1600px", StringComparison.Ordinal));
        var keep = Environment.GetEnvironmentVariable("REPORT_SCREENSHOT_DIR");
        foreach (var (page, name, width, height) in new[] { (_dir.File("report.html"), "report-desktop.png", 1400, 2200), (probe, "report-phone.png", 500, 1600) })
        {
            var png = _dir.File(name);
            HeadlessChromium.Screenshot(page, png, width, height);
            var bytes = File.ReadAllBytes(png);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            Assert.Equal(width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
            if (!string.IsNullOrEmpty(keep))
            {
                File.Copy(png, Path.Combine(keep, name), overwrite: true);
            }
        }
    }
}
