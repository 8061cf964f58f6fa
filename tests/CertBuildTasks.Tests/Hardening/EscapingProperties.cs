using System.Globalization;
using System.IO.Compression;
using System.Management.Automation.Language;
using System.Text;
using AngleSharp.Html.Parser;
using CertBuildTasks.Bundle;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Generation;
using CertBuildTasks.IO;
using CertBuildTasks.Naming;
using CertBuildTasks.Tests.Infrastructure;
using FsCheck.Xunit;

namespace CertBuildTasks.Tests.Hardening;

/// <summary>
/// For any string (FsCheck, weighted toward what breaks escaping — see <see cref="HostileText"/>), what
/// the product writes parses back, with the real parser of that format, to exactly that string — or the
/// string is refused. INF values: CertBuildTasks' strict certreq INF reader; PowerShell: the real
/// parser (System.Management.Automation); HTML: AngleSharp, an HTML5 parser as browsers parse; file
/// names: the real file system, the zip, and Windows' documented rules.
/// </summary>
public sealed class EscapingProperties
{
    [Property(Arbitrary = [typeof(HostileText)], MaxTest = 2000)]
    public void An_inf_value_reads_back_exactly_unless_certreq_cannot_carry_it(string value)
    {
        if (TextSafety.HasControlCharacter(value) || !TextSafety.IsAscii(value))
        {
            return; // refused before anything is written (CBT4001/CBT4002): see the generation property below
        }

        var inf = InfDocument.Parse("[NewRequest]\r\nFriendlyName = " + InfText.Quote(value) + "\r\nKeyLength = 2048\r\n");
        Assert.Equal(["FriendlyName", "KeyLength"], inf.Keys("NewRequest"));
        Assert.Equal(value, inf.Value("NewRequest", "FriendlyName"));
    }

    [Property(Arbitrary = [typeof(HostileText)], MaxTest = 2000)]
    public void A_powershell_literal_parses_back_to_exactly_the_value_and_expands_nothing(string value, string second)
    {
        var script = "$v = " + PowerShellText.Literal(value) + "\n$a = " + PowerShellText.Array([value, second]);
        var ast = Parser.ParseInput(script, out _, out var errors);
        Assert.Empty(errors);
        Assert.Equal(2, ast.EndBlock.Statements.Count);
        var single = Assert.IsType<StringConstantExpressionAst>(((CommandExpressionAst)((AssignmentStatementAst)ast.EndBlock.Statements[0]).Right).Expression);
        Assert.Equal(StringConstantType.SingleQuoted, single.StringConstantType);
        Assert.Equal(value, single.Value);
        var array = ast.EndBlock.Statements[1].FindAll(a => a is StringConstantExpressionAst, true).Cast<StringConstantExpressionAst>().ToList();
        Assert.Equal([value, second], array.Select(s => s.Value));
        Assert.All(array, s => Assert.Equal(StringConstantType.SingleQuoted, s.StringConstantType));
        Assert.Empty(ast.FindAll(a => a is ExpandableStringExpressionAst or SubExpressionAst or CommandAst, true));
    }

    [Property(Arbitrary = [typeof(HostileText)], MaxTest = 2000)]
    public void Report_text_reads_back_in_a_browser_exactly_or_shows_what_html_cannot_carry(string value)
    {
        var encoded = HtmlText.Encode(value);
        var html = $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title></head><body><table><tr><td title=\"{encoded}\">{encoded}</td></tr></table></body></html>";
        using var bytes = new MemoryStream(Encoding.UTF8.GetBytes(html)); // as report.html is read from disk
        var document = new HtmlParser().ParseDocument(bytes);
        var cell = Assert.Single(document.QuerySelectorAll("td"));
        Assert.Equal(Readable(value), cell.TextContent);
        Assert.Equal(Readable(value), cell.GetAttribute("title"));
        Assert.Single(document.Body!.Children); // nothing broke out of the cell: one table, nothing else
        Assert.Empty(cell.Children);
    }

    /// <summary>The oracle: the value itself, but NUL, unpaired surrogates and noncharacters (no HTML holds them) as \uXXXX text.</summary>
    private static string Readable(string value)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var pair = char.ConvertToUtf32(c, value[++i]);
                sb.Append(HtmlText.IsNoncharacter(pair) ? string.Create(CultureInfo.InvariantCulture, $"\\U{pair:X8}") : char.ConvertFromUtf32(pair));
            }
            else if (c == '\0' || char.IsSurrogate(c) || HtmlText.IsNoncharacter(c))
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    [Property(Arbitrary = [typeof(HostileText)], MaxTest = 1000)]
    public void A_file_name_is_used_exactly_as_given_everywhere_or_refused(string name)
    {
        using var dir = new TempDirectory();
        var bundle = Path.Combine(dir.Path, "bundle");
        var file = new GeneratedFile("servers/" + name + "/runbook.md", [0x41]);
        if (FileNames.Problem(name) is not null)
        {
            // Refused where a path is made from a name, and again where a path is written.
            Assert.Throws<InvalidOperationException>(() => BundlePaths.Server(name));
            if (!name.Contains('/', StringComparison.Ordinal))
            {
                Assert.Throws<InvalidOperationException>(() => BundlePublisher.Publish(bundle, Path.Combine(dir.Path, "bundle.zip"), [file]));
            }

            Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(dir.Path, "*", SearchOption.AllDirectories), File.Exists);
            return;
        }

        Assert.Equal("servers/" + name, BundlePaths.Server(name));

        // Windows' rules (learn.microsoft.com, "Naming Files, Paths, and Namespaces"), stated here on their own.
        Assert.DoesNotContain(name, c => c < 32 || "<>:\"/\\|?*".Contains(c, StringComparison.Ordinal));
        Assert.False(name.EndsWith('.') || name.EndsWith(' '), name);
        var stem = name.Split('.')[0].TrimEnd(' ').ToUpperInvariant();
        Assert.DoesNotContain(stem, new[] { "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$" }.Concat(Enumerable.Range(0, 10).SelectMany(i => new[] { "COM" + i, "LPT" + i })));
        Assert.NotEqual(".", name);
        Assert.NotEqual("..", name);

        // This file system and the zip keep it as exactly one name.
        BundlePublisher.Publish(bundle, Path.Combine(dir.Path, "bundle.zip"), [file]);
        Assert.Equal([name], Directory.GetDirectories(Path.Combine(bundle, "servers")).Select(Path.GetFileName));
        File.Delete(Path.Combine(dir.Path, "bundle.zip"));
        using var zip = new ZipArchive(new MemoryStream(DeterministicZip.Create([file])));
        Assert.Equal(file.RelativePath, Assert.Single(zip.Entries).FullName);
    }

    [Property(Arbitrary = [typeof(HostileText)], MaxTest = 60)]
    public void A_hostile_friendly_name_reaches_the_inf_and_every_script_exactly_or_is_refused(string value)
    {
        var policy = SampleInputs.Policy();
        policy["friendlyName"] = "{kind} " + value;
        var validation = Validate.Run(SampleInputs.Topology(), policy);
        if (validation.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            // Refused as input (too long for the schema, or a friendly name that is not unique): nothing to write.
            Assert.Null(validation.Diagnostics.FirstOrDefault(d => d.Id == "CBT9000"));
            return;
        }

        var outcome = Generate.Run(policy);
        var fe = outcome.Plan.Certificates.Single(c => c.Id == "frontend-fe01.contoso.com");
        var pattern = "{kind} " + value;
        if (TextSafety.HasControlCharacter(pattern) || !TextSafety.IsAscii(pattern))
        {
            Assert.Contains(outcome.Diagnostics, d => d.Id is "CBT4001" or "CBT4002");
            Assert.Empty(outcome.Files);
            return;
        }

        Assert.DoesNotContain(outcome.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var inf = InfDocument.Parse(outcome.Text("servers/fe01.contoso.com/frontend-fe01.contoso.com.inf"));
        Assert.Equal(fe.FriendlyName, inf.Value("NewRequest", "FriendlyName"));
        var baseline = Generate.Run(SampleInputs.Policy());
        foreach (var script in outcome.Files.Where(f => f.RelativePath.EndsWith(".ps1", StringComparison.Ordinal)))
        {
            var ast = Parser.ParseInput(outcome.Text(script.RelativePath), out _, out var errors);
            Assert.Empty(errors);
            var commands = ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>().Select(c => c.GetCommandName()).ToList();
            var expected = Parser.ParseInput(baseline.Text(script.RelativePath), out _, out _).FindAll(a => a is CommandAst, true).Cast<CommandAst>().Select(c => c.GetCommandName()).ToList();
            Assert.Equal(expected, commands);
        }

        var request = Parser.ParseInput(outcome.Text("servers/fe01.contoso.com/Request-Certificates.ps1"), out _, out _);
        Assert.Contains(request.FindAll(a => a is StringConstantExpressionAst { StringConstantType: StringConstantType.SingleQuoted }, true).Cast<StringConstantExpressionAst>(), s => s.Value == fe.FriendlyName);
    }
}
