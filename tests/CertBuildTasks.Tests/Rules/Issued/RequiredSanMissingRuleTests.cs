using System.Security.Cryptography;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Tests.Rules.Issued;

public sealed class RequiredSanMissingRuleTests : IssuedGateTestBase
{
    [Fact]
    public void A_missing_lyncdiscover_san_is_CBT3104_naming_it_and_why()
    {
        var fe = Planned("frontend-fe01.contoso.com");
        var names = fe.SanNames.Where(n => n != "lyncdiscover.fabrikam.com").ToList();
        var d = Only(Gate(fe.Id, new() { DnsNames = names }), "CBT3104", "frontend-fe01.contoso.com.cer");
        Assert.Contains("lyncdiscover.fabrikam.com (external Autodiscover (mobility) for fabrikam.com)", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Matching_uses_subject_and_san_overlap_when_the_file_name_says_nothing_and_planned_id_when_given()
    {
        var fe = Planned("frontend-fe02.contoso.com");
        var names = fe.SanNames.Where(n => n != "dialin.contoso.com").ToList();
        var file = TestPki.Write(Dir.File("issued/answer-from-ca.pem"), Pki.Issue(fe, new() { DnsNames = names }));
        var result = IssuedStage.Run(PlanUnderTest, [new(file, null)], Roots(), Now, false, new Dictionary<string, byte[]>());
        var match = Assert.Single(result.Matches).Match;
        Assert.Equal("subject and SAN overlap", match.How);
        Assert.Equal(["CBT3104"], Problems(result).Select(d => d.Id));

        var named = IssuedStage.Run(PlanUnderTest, [new(file, "frontend-fe03.contoso.com")], Roots(), Now, false, new Dictionary<string, byte[]>());
        Assert.Equal("frontend-fe03.contoso.com", Assert.Single(named.Matches).Match.Planned.Id);
    }
}
