using System.Security.Cryptography;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Tests.Issued;

/// <summary>The gate as a whole: the good set, matching, unmatched and missing certificates, the trusted roots.</summary>
public sealed class IssuedStageTests : IssuedGateTestBase
{
    [Fact]
    public void Certificates_issued_as_planned_pass_and_are_recorded()
    {
        var result = Gate();
        Assert.Empty(Problems(result));
        Assert.Equal(12, result.Passed(d => d.Severity == DiagnosticSeverity.Error).Count);
        Assert.Contains(result.Diagnostics, d => d.Id == "CBT3010"); // roots without Authority metadata: not judged
        Assert.All(result.Matches, j => Assert.Equal("file name", j.Match.How));
    }

    [Fact]
    public void An_intermediate_in_the_root_list_is_CBT3009()
    {
        var result = Gate(roots: [new(Root(), null, null), new(Intermediate(), null, null)]);
        var d = Only(result, "CBT3009", "issuing.cer");
        Assert.Contains("intermediate", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_root_given_as_an_intermediate_is_CBT3009() =>
        Assert.Contains("self-signed root", Only(Gate(roots: [new(Root(), null, false), new(Intermediate(), null, false)]), "CBT3009", "root.cer").Message, StringComparison.Ordinal);

    [Fact]
    public void A_certificate_that_matches_nothing_is_CBT3005_and_a_missing_one_is_info_or_an_error()
    {
        var stranger = Pki.Issue(Planned("oauth-contoso.com"), new() { CommonName = "unrelated.example.org", DnsNames = ["unrelated.example.org"] });
        var inputs = new List<IssuedStage.Input> { new(TestPki.Write(Dir.File("issued/unrelated.cer"), stranger), null) };
        var result = IssuedStage.Run(PlanUnderTest, inputs, Roots(), Now, false, new Dictionary<string, byte[]>());
        Only(result, "CBT3005", "unrelated.cer");
        Assert.Equal(12, result.Diagnostics.Count(d => d.Id == "CBT3006" && d.Severity == DiagnosticSeverity.Info));

        var required = IssuedStage.Run(PlanUnderTest, inputs, Roots(), Now, true, new Dictionary<string, byte[]>());
        Assert.Equal(12, required.Diagnostics.Count(d => d.Id == "CBT3007" && d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Matching_by_public_key_wins_for_certificates_issued_from_the_builds_csr()
    {
        var c = Planned("reverseproxy-rp01");
        var issued = Pki.Issue(c);
        var file = TestPki.Write(Dir.File("issued/whatever.cer"), issued);
        var keys = new Dictionary<string, byte[]> { [c.Id] = issued.PublicKey.ExportSubjectPublicKeyInfo() };
        var match = Assert.Single(IssuedStage.Run(PlanUnderTest, [new(file, null)], Roots(), Now, false, keys).Matches).Match;
        Assert.Equal("public key of the generated CSR", match.How);
        Assert.Equal(c.Id, match.Planned.Id);
    }

    [Fact]
    public void Without_trusted_roots_the_chain_is_not_judged_and_a_warning_says_so()
    {
        var result = Gate(roots: []);
        Assert.Equal(["CBT3008"], Problems(result).Select(d => d.Id));
    }
}
