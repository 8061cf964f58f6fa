using System.Security.Cryptography;
using CertBuildTasks.Deployed;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Tests.Rules.Deployed;

public sealed class DeployedExpiresSoonRuleTests : DeployedTestBase
{
    [Fact]
    public void Expiry_in_ten_days_is_a_CBT5002_warning_naming_the_window()
    {
        var set = HealthySet();
        EntryFor(set, "edge01.contoso.com", "AudioVideoAuthentication")["NotAfter"] = Now.AddDays(10).ToString("o", System.Globalization.CultureInfo.InvariantCulture);

        // The Edge external certificate is shared: edge02 keeps the old entry, so only edge01's is flagged.
        var d = Only(Check(set), "CBT5002");

        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains("30-day", d.Message, StringComparison.Ordinal);
        Assert.Contains("edge01.contoso.com", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exported_certificate_file_with_server_and_use_metadata_is_judged_too()
    {
        using var pki = new TestPki();
        var planned = Plan.Certificates.First(c => c.Servers.Contains("fe01.contoso.com"));
        var file = TestPki.Write(Dir.File("fe01.cer"), pki.Issue(planned, new TestPki.Options { NotAfter = DateTimeOffset.UtcNow.AddDays(10) }));

        var (deployed, diagnostics) = DeployedStage.Run(
            Plan,
            PolicyJsonReader.Read(SampleInputs.Policy(), string.Empty),
            [new DeployedStage.Input(file, "fe01.contoso.com", string.Join(",", planned.Usages))],
            DateTimeOffset.UtcNow);

        Assert.Equal(planned.SubjectName, Assert.Single(deployed).SubjectName);
        Assert.Equal("CBT5002", Assert.Single(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning).Id);
    }

    [Fact]
    public void One_certificate_listed_once_per_usage_as_get_cscertificate_does_is_reported_once()
    {
        var set = HealthySet();
        var entry = EntryFor(set, "fe01.contoso.com", "Default");
        entry["NotAfter"] = Now.AddDays(10).ToString("o", System.Globalization.CultureInfo.InvariantCulture);
        set.Remove(entry);
        foreach (var usage in ((string)entry["Use"]!).Split(','))
        {
            var perUsage = (Newtonsoft.Json.Linq.JObject)entry.DeepClone();
            perUsage["Use"] = usage;
            set.Add(perUsage);
        }

        var d = Only(Check(set), "CBT5002");

        Assert.Contains("Default, WebServicesInternal, WebServicesExternal", d.Message, StringComparison.Ordinal);
    }
}
