using CertBuildTasks.Analyzers;
using CertBuildTasks.Input;
using CertBuildTasks.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Ours = CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Analyzers.Tests;

/// <summary>
/// The analyzer in the Roslyn test harness, under the floor compiler (4.8): additional files with the
/// CertKind the targets give them (the build_metadata key the SDK writes for CompilerVisibleItemMetadata).
/// The harness checks every reported finding's ID, severity, span and message against what the domain's
/// validator (the build's code, given the same text) reports.
/// </summary>
public sealed class CertificateInputsAnalyzerTests
{
    private const string Topology = "/0/topology.json";
    private const string Policy = "/0/certificate-policy.json";

    [Fact]
    public async Task A_schema_violation_is_reported_in_the_topology_at_the_builds_line_and_column()
    {
        var expected = await RunAgainstValidator(("topology", Topology, "{\n  \"sipDomains\": 5\n}\n"));
        Assert.Contains(expected, d => d.Severity == Ours.DiagnosticSeverity.Error && d.Location.Line == 2);
    }

    [Fact]
    public async Task A_json_syntax_error_is_reported_where_the_parser_stopped()
    {
        var expected = await RunAgainstValidator(("topology", Topology, "{\n  \"sipDomains\": [\"contoso.com\",]\n}\n"));
        Assert.Contains(expected, d => d.Severity == Ours.DiagnosticSeverity.Error && d.Location.Line == 2);
    }

    [Fact]
    public async Task The_sample_with_its_policy_reports_what_the_build_reports_in_each_file()
    {
        var samples = Path.Combine(RepoRoot(), "samples", "Broken");
        var expected = await RunAgainstValidator(
            ("topology", Topology, File.ReadAllText(Path.Combine(samples, "topology.json"))),
            ("policy", Policy, File.ReadAllText(Path.Combine(samples, "certificate-policy.json"))));
        Assert.Contains(expected, d => d.Location.FilePath == Topology);
        Assert.Contains(expected, d => d.Location.FilePath == Policy);
    }

    [Fact]
    public async Task Files_without_a_kind_are_not_read()
    {
        var test = new CSharpAnalyzerTest<CertificateInputsAnalyzer, DefaultVerifier> { TestCode = "class C { }", ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        test.TestState.AdditionalFiles.Add((Topology, "{ not json"));
        await test.RunAsync();
    }

    /// <summary>Runs the harness expecting exactly what the validator reports for the same texts; returns that.</summary>
    private static async Task<IReadOnlyList<Ours.Diagnostic>> RunAgainstValidator(params (string Kind, string Path, string Text)[] files)
    {
        var test = new CSharpAnalyzerTest<CertificateInputsAnalyzer, DefaultVerifier> { TestCode = "class C { }", ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        var config = "is_global = true\n";
        foreach (var (kind, path, text) in files)
        {
            test.TestState.AdditionalFiles.Add((path, text));
            config += $"\n[{path}]\n{LiveInput.KindKey} = {kind}\n";
        }

        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config));

        var texts = files.ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);
        var policy = files.Where(f => f.Kind == "policy").Select(f => f.Path).FirstOrDefault();
        var validation = InputValidator.Validate(InputTextSources.Of(texts), Topology, policy);
        var expected = validation.Diagnostics.ToList();
        if (validation.Topology is { } topology && validation.Policy is { } model && expected.All(d => d.Severity != Ours.DiagnosticSeverity.Error))
        {
            expected.AddRange(PlanStage.Run(topology, model, DateTimeOffset.UtcNow).Diagnostics);
        }

        foreach (var d in expected.Where(d => d.Severity != Ours.DiagnosticSeverity.Hidden))
        {
            var result = new DiagnosticResult(d.Id, RoslynDescriptors.ToRoslyn(d.Severity)).WithMessage(d.Message);
            test.ExpectedDiagnostics.Add(d.Location.IsNone || !texts.ContainsKey(d.Location.FilePath)
                ? result
                : result.WithSpan(d.Location.FilePath, Math.Max(d.Location.Line, 1), Math.Max(d.Location.Column, 1), Math.Max(d.Location.Line, 1), Math.Max(d.Location.Column, 1)));
        }

        await test.RunAsync();
        return expected;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CertBuildTasks.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root was not found above " + AppContext.BaseDirectory);
    }
}
