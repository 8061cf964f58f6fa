using System.Text.Json;
using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Tests.Diagnostics;

public class SarifLogWriterTests
{
    private static readonly DiagnosticDescriptor Rule = new("CBT1101", "Duplicate FQDN", "dup {0}", DiagnosticCategory.Topology, DiagnosticSeverity.Error);

    [Fact]
    public void Results_carry_rule_level_relative_uri_and_region()
    {
        var baseDir = Path.Combine(Path.GetTempPath(), "proj");
        var diagnostics = new[]
        {
            Diagnostic.Create(Rule, new SourceLocation(Path.Combine(baseDir, "in puts", "topology.json"), 12, 7), "x"),
            Diagnostic.Create(Rule, SourceLocation.None, "y") with { Severity = DiagnosticSeverity.Info },
        };
        using var doc = JsonDocument.Parse(SarifLogWriter.Write(diagnostics, baseDir, "1.2.3", Path.Combine(baseDir, "app.csproj")));
        var root = doc.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = root.GetProperty("runs")[0];
        Assert.Equal("CBT1101", run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[0].GetProperty("id").GetString());
        var first = run.GetProperty("results")[0];
        Assert.Equal("error", first.GetProperty("level").GetString());
        Assert.Equal("dup x", first.GetProperty("message").GetProperty("text").GetString());
        var location = first.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("in%20puts/topology.json", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(12, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(7, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        var second = run.GetProperty("results")[1];
        Assert.Equal("note", second.GetProperty("level").GetString());
        Assert.Equal("app.csproj", second.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[0];
        Assert.False(rule.TryGetProperty("helpUri", out _)); // SARIF wants an absolute URI there; the page path is a relative one
        Assert.Equal("docs/rules/CBT1101.md", rule.GetProperty("properties").GetProperty("helpLink").GetString());
    }
}
