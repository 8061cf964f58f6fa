using AngleSharp.Html.Parser;
using CertBuildTasks.Bundle;

namespace CertBuildTasks.Tests.Bundle;

/// <summary>What the report renders from Markdown: links only of kinds it can stand behind, text for the rest.</summary>
public sealed class MarkdownHtmlTests
{
    private static AngleSharp.Dom.IDocument Render(string markdown, Func<string, string?>? link = null) =>
        new HtmlParser().ParseDocument(MarkdownHtml.Render(markdown, link));

    [Theory]
    [InlineData("[run](javascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[data](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[file](/etc/passwd)")]
    [InlineData("[vb](vbscript:msgbox)")]
    [InlineData("<script>alert(1)</script>")]
    public void A_link_of_another_kind_or_raw_html_becomes_text(string markdown)
    {
        var page = Render(markdown);

        Assert.Empty(page.QuerySelectorAll("a"));
        Assert.Empty(page.QuerySelectorAll("script"));
    }

    [Fact]
    public void An_image_is_never_loaded_and_web_links_stay()
    {
        var page = Render("![logo](https://example.test/logo.png) and [the page](https://example.test/rules/) and <https://example.test/x>");

        Assert.Empty(page.QuerySelectorAll("img"));
        Assert.Equal(["https://example.test/rules/", "https://example.test/x"], page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void A_relative_link_goes_where_the_caller_maps_it_or_keeps_its_text_in_order()
    {
        var mapped = Render("See [CBT1121](CBT1121.md).", url => url == "CBT1121.md" ? "#rule-CBT1121" : null);
        Assert.Equal("#rule-CBT1121", mapped.QuerySelector("a")!.GetAttribute("href"));

        var unmapped = Render("See [run `x` now](other.md).", _ => null);
        Assert.Empty(unmapped.QuerySelectorAll("a"));
        Assert.Equal("See run x now.", unmapped.Body!.TextContent.Trim());

        var unsafeTarget = Render("See [it](other.md).", _ => "javascript:alert(1)");
        Assert.Empty(unsafeTarget.QuerySelectorAll("a"));
    }
}
