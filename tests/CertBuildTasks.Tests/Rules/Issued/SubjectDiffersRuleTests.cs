using System.Security.Cryptography;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Issued;

public sealed class SubjectDiffersRuleTests : IssuedGateTestBase
{
    [Fact]
    public void Another_subject_is_CBT3103() =>
        Only(Gate("mediation-med02.contoso.com", new() { CommonName = "med02.contoso.com" }), "CBT3103", "mediation-med02.contoso.com.cer");
}
