using System.Security.Cryptography;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Issued;

public sealed class KeyUsageRuleTests : IssuedGateTestBase
{
    [Fact]
    public void Key_usage_without_digital_signature_is_a_CBT3109_warning()
    {
        var d = Only(Gate("director-dir02.contoso.com", new() { KeyUsage = System.Security.Cryptography.X509Certificates.X509KeyUsageFlags.KeyEncipherment }), "CBT3109", "director-dir02.contoso.com.cer");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
    }
}
