using System.Text.Json;
using CertBuildTasks.Cli.Tests.Infrastructure;

namespace CertBuildTasks.Cli.Tests.Commands;

/// <summary>--format json, --quiet and the progress line: the same findings, said for a script, said briefly, or shown while they are computed.</summary>
public sealed class OutputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string[] ValidateBroken(params string[] more) =>
        ["validate", "--topology", Samples.Topology("Broken"), "--policy", Samples.Policy("Broken"), .. more];

    [Fact]
    public void Json_holds_every_finding_the_text_prints_with_its_location_rule_page_and_the_exit_code()
    {
        var text = Certbuild.Run(_dir.Path, ValidateBroken());
        var json = Certbuild.Run(_dir.Path, ValidateBroken("--format", "json", "--rules-base-uri", "https://example.test/rules"));

        Assert.Equal(1, json.ExitCode);
        using var document = JsonDocument.Parse(json.Out);
        var root = document.RootElement;
        Assert.Equal("certbuild", root.GetProperty("tool").GetString());
        Assert.Equal("validate", root.GetProperty("command").GetString());
        Assert.Equal(1, root.GetProperty("exitCode").GetInt32());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(text.Lines.Count - 1, findings.Count); // every line but the summary
        Assert.Equal(findings.Count(f => f.GetProperty("severity").GetString() == "error"), root.GetProperty("errors").GetInt32());
        foreach (var (finding, line) in findings.Zip(text.Lines))
        {
            var id = finding.GetProperty("id").GetString()!;
            Assert.Contains($" {finding.GetProperty("severity").GetString()} {id}: {finding.GetProperty("message").GetString()}", line, StringComparison.Ordinal);
            Assert.Equal($"https://example.test/rules/{id}.md", finding.GetProperty("helpUri").GetString());
            if (finding.GetProperty("file").ValueKind == JsonValueKind.String)
            {
                Assert.True(Path.IsPathRooted(finding.GetProperty("file").GetString()));
                Assert.StartsWith($"{finding.GetProperty("file").GetString()}({finding.GetProperty("line").GetInt32()},{finding.GetProperty("column").GetInt32()})", line, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_file_name_with_control_characters_is_printed_escaped_and_forges_no_line()
    {
        _dir.Write("issued/evil\nok.cer : error CBT0000: forged\u001b[2J.cer", "not a certificate");

        var run = Certbuild.Run(_dir.Path, "gate", "--topology", Samples.Topology("Contoso"), "--policy", Samples.Policy("Contoso"), "--issued", "issued");

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain(run.Lines, l => l.StartsWith("ok.cer", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', run.Out);
        Assert.Contains(run.Lines, l => l.StartsWith(Path.Combine("issued", "evil\\u000Aok.cer"), StringComparison.Ordinal) && l.Contains(": error CBT", StringComparison.Ordinal));
    }

    [Fact]
    public void Quiet_prints_the_warnings_and_errors_and_nothing_else()
    {
        var all = Certbuild.Run(_dir.Path, ValidateBroken());
        var quiet = Certbuild.Run(_dir.Path, ValidateBroken("--quiet"));

        Assert.Equal(1, quiet.ExitCode);
        Assert.Contains(all.Lines, l => l.Contains(": info CBT", StringComparison.Ordinal));
        Assert.Equal(all.Lines.Where(l => l.Contains(": error CBT", StringComparison.Ordinal) || l.Contains(": warning CBT", StringComparison.Ordinal)), quiet.Lines);
    }

    [Fact]
    public void The_progress_line_shows_on_a_terminal_only_and_is_cleared_before_the_findings()
    {
        string[] plan = ["plan", "--topology", Samples.Topology("Contoso"), "--policy", Samples.Policy("Contoso")];

        var onTerminal = Certbuild.Run(_dir.Path, plan, terminal: true);
        var redirected = Certbuild.Run(_dir.Path, plan, terminal: false);
        var quiet = Certbuild.Run(_dir.Path, [.. plan, "--quiet"], terminal: true);

        var validating = onTerminal.Error.IndexOf("\rcertbuild: validate…", StringComparison.Ordinal);
        var planning = onTerminal.Error.IndexOf("\rcertbuild: plan…", StringComparison.Ordinal);
        Assert.True(validating >= 0 && planning > validating, onTerminal.Error); // each stage when its own work starts
        Assert.EndsWith("\r", onTerminal.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, onTerminal.Error.Split('\r')[^2].Trim()); // the last write blanks the line
        Assert.Equal(string.Empty, redirected.Error);
        Assert.Equal(string.Empty, quiet.Error);
        Assert.Equal(redirected.Out, onTerminal.Out); // stdout never carries any of it
    }
}
