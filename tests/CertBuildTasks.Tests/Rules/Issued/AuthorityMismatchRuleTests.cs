using System.Security.Cryptography;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Issued;

public sealed class AuthorityMismatchRuleTests : IssuedGateTestBase
{
    [Fact]
    public void An_internal_ca_certificate_where_a_public_one_is_planned_is_CBT3115_when_the_root_says_so()
    {
        var result = Gate(roots: [new(Root(), AuthorityKind.Internal, null), new(Intermediate(), null, false)]);
        var problems = Problems(result);
        Assert.Equal(3, problems.Count); // the Edge external, the published Office Web Apps farm and the reverse proxy certificates are planned public
        Assert.All(problems, d => Assert.Equal("CBT3115", d.Id));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "CBT3010");
    }
}
