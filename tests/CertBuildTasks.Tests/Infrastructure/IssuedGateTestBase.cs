using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Tests.Infrastructure;

/// <summary>
/// The gate on the sample plan with certificates from a throwaway PKI: one certificate issued wrong in
/// one way and judged on its own, or the whole plan issued as planned.
/// </summary>
public abstract class IssuedGateTestBase : IDisposable
{
    protected static readonly DateTimeOffset Now = DateTimeOffset.UtcNow.AddHours(1); // after every certificate made during the test run
    protected TempDirectory Dir { get; } = new();
    protected TestPki Pki { get; set; } = new();
    protected CertificatePlan PlanUnderTest { get; set; } = Generate.Run(SampleInputs.Policy()).Plan;

    public void Dispose()
    {
        Pki.Dispose();
        Dir.Dispose();
        GC.SuppressFinalize(this);
    }

    protected PlannedCertificate Planned(string id) => PlanUnderTest.Certificates.Single(c => c.Id == id);

    protected string Root() => TestPki.Write(Dir.File("roots/root.cer"), Pki.Root);

    protected string Intermediate() => TestPki.Write(Dir.File("roots/issuing.cer"), Pki.Intermediate);

    protected List<IssuedStage.RootInput> Roots() => [new(Root(), null, null), new(Intermediate(), null, false)];

    /// <summary>
    /// One certificate judged on its own (the zlint way): <paramref name="badId"/> issued with
    /// <paramref name="bad"/>, the others not issued (CBT3006, an info). Without <paramref name="badId"/>
    /// the whole plan is issued as planned, for what holds across certificates.
    /// </summary>
    protected IssuedStage.Result Gate(string? badId = null, TestPki.Options? bad = null, List<IssuedStage.RootInput>? roots = null, bool requireAll = false)
    {
        var inputs = new List<IssuedStage.Input>();
        foreach (var c in PlanUnderTest.Certificates.Where(c => badId is null || c.Id == badId))
        {
            var cert = Pki.Issue(c, c.Id == badId ? bad : null);
            inputs.Add(new IssuedStage.Input(TestPki.Write(Dir.File($"issued/{c.Id}.cer"), cert), null));
        }

        return IssuedStage.Run(PlanUnderTest, inputs, roots ?? Roots(), Now, requireAll, new Dictionary<string, byte[]>());
    }

    protected static IReadOnlyList<Diagnostic> Problems(IssuedStage.Result result) =>
        [.. result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)];

    protected static Diagnostic Only(IssuedStage.Result result, string id, string file)
    {
        var problem = Assert.Single(Problems(result));
        Assert.Equal(id, problem.Id);
        Assert.EndsWith(file, problem.Location.FilePath, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(file), problem.Message, StringComparison.Ordinal);
        return problem;
    }
}
