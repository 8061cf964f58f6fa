using CertBuildTasks.Cli.Tests.Infrastructure;
using CertBuildTasks.Policy;

namespace CertBuildTasks.Cli.Tests.Commands;

/// <summary>
/// certbuild gate over certificates real (throwaway) CAs signed for the Contoso sample's plan: an
/// internal CA for what the plan asks of the enterprise CA, a "public" one for the rest.
/// </summary>
public sealed class GateCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestPki _internal = new("Contoso");
    private readonly TestPki _public = new("Public");

    public void Dispose()
    {
        _internal.Dispose();
        _public.Dispose();
        _dir.Dispose();
    }

    private static string FirstInternalId() =>
        InProcessPipeline.Plan(Samples.Topology("Contoso"), Samples.Policy("Contoso")).Certificates.First(c => c.CertificateAuthority == AuthorityKind.Internal).Id;

    /// <summary>Every planned certificate issued as planned into issued/, but <paramref name="weakId"/> signed with SHA-1 (by OpenSSL: .NET signs no SHA-1).</summary>
    private string[] IssueThePlan(string? weakId = null)
    {
        var plan = InProcessPipeline.Plan(Samples.Topology("Contoso"), Samples.Policy("Contoso"));
        foreach (var planned in plan.Certificates)
        {
            var ca = planned.CertificateAuthority == AuthorityKind.Public ? _public : _internal;
            var file = _dir.File($"issued/{planned.Id}.cer");
            if (planned.Id == weakId)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.Copy(ca.IssueWithOpenSsl(planned, "sha1", _dir.File("openssl")), file);
            }
            else
            {
                TestPki.Write(file, ca.Issue(planned));
            }
        }

        TestPki.Write(_dir.File("ca/root.cer"), _internal.Root);
        TestPki.Write(_dir.File("ca/issuing.cer"), _internal.Intermediate);
        TestPki.Write(_dir.File("ca/public-root.cer"), _public.Root);
        TestPki.Write(_dir.File("ca/public-issuing.cer"), _public.Intermediate);
        return ["gate", "--topology", Samples.Topology("Contoso"), "--policy", Samples.Policy("Contoso"), "--issued", "issued",
            "--roots", "ca/root.cer;Authority=internal", "--roots", "ca/issuing.cer;Role=Intermediate;Authority=internal",
            "--roots", "ca/public-root.cer;Authority=public", "--roots", "ca/public-issuing.cer;Role=Intermediate;Authority=public"];
    }

    [Fact]
    public void Certificates_issued_as_planned_pass_and_the_gate_says_how_many()
    {
        var arguments = IssueThePlan();
        var planned = Directory.GetFiles(_dir.File("issued")).Length;

        var run = Certbuild.Run(_dir.Path, arguments);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain(run.Lines, l => l.Contains(": error CBT", StringComparison.Ordinal));
        Assert.EndsWith($"{planned} issued certificate(s) accepted for {planned} planned certificate(s); 0 errors, 0 warnings", run.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void One_certificate_signed_with_SHA1_fails_the_gate_at_its_file()
    {
        var weak = FirstInternalId();
        var arguments = IssueThePlan(weak);

        var run = Certbuild.Run(_dir.Path, arguments);

        Assert.True(run.ExitCode == 1, run.ToString());
        var error = Assert.Single(run.Lines, l => l.Contains(": error CBT", StringComparison.Ordinal));
        Assert.StartsWith(Path.Combine("issued", weak + ".cer") + " : error CBT3101: ", error, StringComparison.Ordinal); // a weak signature
        Assert.Contains("nothing is accepted while an error remains", run.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void With_require_all_a_planned_certificate_the_CA_has_not_issued_is_an_error()
    {
        var arguments = IssueThePlan();
        var missing = FirstInternalId();
        File.Delete(_dir.File($"issued/{missing}.cer"));

        var relaxed = Certbuild.Run(_dir.Path, arguments);
        var strict = Certbuild.Run(_dir.Path, [.. arguments, "--require-all"]);

        Assert.True(relaxed.ExitCode == 0, relaxed.ToString());
        Assert.True(strict.ExitCode == 1, strict.ToString());
        Assert.Contains(strict.Lines, l => l.Contains(": error CBT", StringComparison.Ordinal) && l.Contains(missing, StringComparison.Ordinal));
    }

    [Fact]
    public void On_a_terminal_the_gate_counts_the_files_it_read_and_the_certificates_it_judged()
    {
        var arguments = IssueThePlan();
        var files = Directory.GetFiles(_dir.File("issued")).Length;

        var run = Certbuild.Run(_dir.Path, arguments, terminal: true);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"\rcertbuild: issued: {files}/{files} certificate files read", run.Error, StringComparison.Ordinal);
        Assert.Contains($"\rcertbuild: issued: {files}/{files} certificates judged", run.Error, StringComparison.Ordinal);
    }
}
