using System.Text.Json;
using CertBuildTasks.Cli.Tests.Infrastructure;

namespace CertBuildTasks.Cli.Tests.Commands;

/// <summary>certbuild check-deployed over a Get-CsCertificate export (docs/deployed.md) of the Contoso sample's servers.</summary>
public sealed class CheckDeployedCommandTests : IDisposable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>One entry, as `Get-CsCertificate | ConvertTo-Json` writes it in PowerShell 7, for the first server of the first Default certificate.</summary>
    private string Export(DateTimeOffset notAfter)
    {
        var planned = InProcessPipeline.Plan(Samples.Topology("Contoso"), Samples.Policy("Contoso")).Certificates.First(c => c.Usages.Contains("Default"));
        var entry = new Dictionary<string, object>
        {
            ["Server"] = planned.Servers[0],
            ["Use"] = "Default",
            ["Thumbprint"] = new string('A', 40),
            ["NotAfter"] = notAfter.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            ["Subject"] = "CN=" + planned.SubjectName,
            ["AlternativeNames"] = planned.SanNames.ToArray(),
        };
        return _dir.Write("deployed/fe.deployed.json", JsonSerializer.Serialize(new[] { entry }, Indented));
    }

    [Fact]
    public void A_certificate_in_service_that_has_expired_is_an_error_and_one_valid_for_a_year_is_not()
    {
        var at = DateTimeOffset.Parse(Samples.At, System.Globalization.CultureInfo.InvariantCulture);
        string[] arguments = ["check-deployed", "--topology", Samples.Topology("Contoso"), "--policy", Samples.Policy("Contoso"), "--deployed", "deployed/fe.deployed.json", "--at", Samples.At];

        Export(at.AddDays(-3));
        var expired = Certbuild.Run(_dir.Path, arguments);
        Export(at.AddDays(365));
        var valid = Certbuild.Run(_dir.Path, arguments);

        Assert.True(expired.ExitCode == 1, expired.ToString());
        Assert.Contains(expired.Lines, l => l.StartsWith(Path.Combine("deployed", "fe.deployed.json") + "(", StringComparison.Ordinal) && l.Contains("): error CBT5001: ", StringComparison.Ordinal));
        Assert.True(valid.ExitCode == 0, valid.ToString());
        Assert.DoesNotContain(valid.Lines, l => l.Contains("CBT5001", StringComparison.Ordinal));
        Assert.EndsWith("1 certificate(s) in service checked; 0 errors, 0 warnings", valid.Lines[^1], StringComparison.Ordinal);
    }
}
