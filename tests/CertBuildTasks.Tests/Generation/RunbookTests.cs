using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using CertBuildTasks.Generation;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Generation;

/// <summary>
/// The runbooks rendered with a real Markdown parser (Markdig), as a reader sees them: every path in a
/// code span is literal and names a file or folder of the bundle, and names outside code spans read
/// back without their escapes.
/// </summary>
public sealed class RunbookTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly Generate.Outcome _sample = Generate.Run(SampleInputs.Policy());
    private readonly string _bundle;

    public RunbookTests() => _bundle = _sample.WriteTo(_dir.Path);

    public void Dispose() => _dir.Dispose();

    private IEnumerable<string> Runbooks => _sample.Files.Where(f => f.RelativePath.EndsWith(BundlePaths.Runbook, StringComparison.Ordinal)).Select(f => f.RelativePath);

    [Fact]
    public void Every_path_in_a_code_span_is_literal_and_exists_in_the_bundle()
    {
        var checkedPaths = 0;
        foreach (var runbook in Runbooks)
        {
            var document = Markdown.Parse(_sample.Text(runbook));
            var folder = Path.GetDirectoryName(Path.Combine(_bundle, runbook))!;
            foreach (var code in document.Descendants<CodeInline>())
            {
                var first = code.Content.Split(' ')[0];
                Assert.DoesNotContain("\\.", code.Content, StringComparison.Ordinal); // an escape that code spans do not undo
                if (first.EndsWith(".ps1", StringComparison.Ordinal) || first.EndsWith(".md", StringComparison.Ordinal))
                {
                    // .\X.ps1 is beside the runbook; global\… and servers\… are from the bundle folder.
                    var relative = first.Replace('\\', '/');
                    var path = relative.StartsWith("./", StringComparison.Ordinal) ? Path.Combine(folder, relative[2..]) : Path.Combine(_bundle, relative);
                    Assert.True(File.Exists(path), $"{runbook}: `{code.Content}` names {path}, which the bundle does not have");
                    checkedPaths++;
                }
            }
        }

        Assert.True(checkedPaths > 40, $"only {checkedPaths} paths were found in code spans");
    }

    [Fact]
    public void Names_outside_code_spans_read_back_without_escapes()
    {
        var html = Markdown.ToHtml(_sample.Text("servers/edge01.contoso.com/runbook.md"));
        var text = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).Body!.TextContent;
        Assert.Contains("Certificates of edge01.contoso.com", text, StringComparison.Ordinal);
        Assert.Contains("copy them to edge02.contoso.com", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_edge_runbook_trusts_the_chain_before_accepting_and_requests_offline()
    {
        var steps = Markdown.Parse(_sample.Text("servers/edge01.contoso.com/runbook.md")).Descendants<ListItemBlock>()
            .Select(item => string.Join(" ", item.Descendants<LiteralInline>().Select(l => l.Content.ToString()).Concat(item.Descendants<CodeInline>().Select(c => c.Content)))).ToList();
        var chain = steps.FindIndex(s => s.Contains("-CaChainPath", StringComparison.Ordinal));
        var accept = steps.FindIndex(s => s.Contains("-ResponsePath", StringComparison.Ordinal));
        Assert.True(chain >= 0 && accept > chain, string.Join("\n", steps));
        Assert.All(steps.Where(s => s.Contains("-ResponsePath", StringComparison.Ordinal)), s => Assert.Contains("-CaChainPath", s, StringComparison.Ordinal));
        Assert.Contains(steps, s => s.Contains("certreq -submit -config", StringComparison.Ordinal)); // the internal request is carried to the CA
    }

    [Fact]
    public void The_office_web_apps_friendly_name_is_in_the_deployment_runbook_for_new_officewebappsfarm()
    {
        var owa = _sample.Plan.Certificates.Single(c => c.Kind == CertBuildTasks.Policy.CertificateKind.OfficeWebApps);
        var codes = Markdown.Parse(_sample.Text("global/runbook.md")).Descendants<CodeInline>().Select(c => c.Content).ToList();
        Assert.Contains($"New-OfficeWebAppsFarm -InternalUrl https://owas01.contoso.com -ExternalUrl https://owas.contoso.com -CertificateName \"{owa.FriendlyName}\"", codes);
    }

    [Fact]
    public void The_renewal_runbook_orders_oauth_first_and_removes_the_previous_certificates_last()
    {
        var codes = Markdown.Parse(_sample.Text("global/renewal/runbook.md")).Descendants<CodeInline>().Select(c => c.Content).ToList();
        var oauthRoll = codes.IndexOf("global\\renewal\\Roll-OAuthCertificate.ps1");
        var firstServer = codes.IndexOf("servers\\fe02.contoso.com\\runbook.md");
        var removal = codes.IndexOf("global\\renewal\\Roll-OAuthCertificate.ps1 -RemovePrevious");
        Assert.True(oauthRoll >= 0 && firstServer > oauthRoll && removal > firstServer, string.Join("\n", codes));
        Assert.Contains("global\\renewal\\edge-edgepool.contoso.com\\Roll-AudioVideoCertificate.ps1 -RemovePrevious", codes);
    }
}
