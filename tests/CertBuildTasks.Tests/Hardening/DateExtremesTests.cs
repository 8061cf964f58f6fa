using CertBuildTasks.Issued;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Hardening;

/// <summary>
/// Dates at the ends of what .NET can hold — the minimum date Windows PowerShell's ConvertTo-Json
/// writes for an unset NotAfter, the last second of year 9999 as CertValidationTime — are judged like
/// any other date (expired, expiring, invalid), never an overflow (CBT9000): date arithmetic saturates.
/// </summary>
[Trait("Lane", "Build")]
[Collection(MSBuildTestGroup.Name)]
public sealed class DateExtremesTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestPki _pki = new();

    public void Dispose()
    {
        _pki.Dispose();
        _dir.Dispose();
    }

    private static string Deployed(string notAfter) =>
        $$"""[ { "Server": "fe01.contoso.com", "Use": "Default", "Thumbprint": "ABABABABABABABABABABABABABABABABABABABAB", "NotAfter": "{{notAfter}}", "Subject": "CN=pool01.contoso.com", "AlternativeNames": ["pool01.contoso.com"] } ]""";

    /// <summary>The sample with one deployed entry, the Front End certificate issued and its chain trusted.</summary>
    private string Project(string folder, string deployedNotAfter)
    {
        var issued = TestPki.Write(Path.Combine(folder, "issued", "frontend-fe01.contoso.com.cer"), _pki.Issue(CorpusRecipes.Planned("frontend-fe01.contoso.com")));
        var root = TestPki.Write(Path.Combine(folder, "roots", "root.cer"), _pki.Root);
        var intermediate = TestPki.Write(Path.Combine(folder, "roots", "issuing.cer"), _pki.Intermediate);
        var project = HardeningProject.Write(folder, items:
            $"<DeployedCertificate Include=\"deployed.json\" /><IssuedCertificate Include=\"{issued}\" />" +
            $"<TrustedRootCertificate Include=\"{root}\" /><TrustedRootCertificate Include=\"{intermediate}\" Role=\"Intermediate\" />");
        File.WriteAllText(Path.Combine(folder, "deployed.json"), Deployed(deployedNotAfter));
        return project;
    }

    private static void NoOverflow(BuildRecord build) =>
        Assert.False(build.Errors.Any(e => e.Code is "CBT9000" or "MSB4018"), build.Describe());

    [Fact]
    public void A_deployed_not_after_of_the_minimum_date_is_expired_and_its_renewal_is_generated()
    {
        var folder = _dir.File("min");
        var build = InProcessBuild.Run(Project(folder, "\\/Date(-62135596800000)\\/"));
        NoOverflow(build);
        var expired = Assert.Single(build.Errors, e => e.Code == "CBT5001");
        Assert.EndsWith("deployed.json", expired.File, StringComparison.Ordinal);
        Assert.Contains("0001-01-01", expired.Message, StringComparison.Ordinal);
        Assert.True(Directory.EnumerateFiles(Path.Combine(folder, "bin", "certbundle", "global", "renewal")).Any(), build.Describe());
    }

    [Fact]
    public void A_deployed_not_after_beyond_year_9999_is_an_invalid_entry()
    {
        var build = InProcessBuild.Run(Project(_dir.File("beyond"), "\\/Date(253402300800000)\\/"));
        NoOverflow(build);
        var invalid = Assert.Single(build.Errors, e => e.Code == "CBT5000");
        Assert.Contains("NotAfter", invalid.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("253402300799")]            // 9999-12-31T23:59:59Z
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    public void A_validation_time_at_either_end_of_the_calendar_judges_every_date_without_overflow(string time)
    {
        var folder = _dir.File("time" + time.Length);
        var build = InProcessBuild.Run(Project(folder, DateTimeOffset.UtcNow.AddDays(10).ToString("o")), properties: new Dictionary<string, string?> { ["CertValidationTime"] = time });
        NoOverflow(build);
        Assert.DoesNotContain(build.Errors, e => e.Code == "CBT3004");

        // In year 9999 everything has ended; in year 1 nothing has begun.
        var late = time.StartsWith('9') || time.StartsWith('2');
        Assert.Contains(build.Errors, e => e.Code == "CBT3111");
        Assert.Contains(build.Errors.Concat<Microsoft.Build.Framework.BuildEventArgs>(build.Warnings).Select(e => e.Message), m => m is not null && m.Contains(late ? "expired" : "not yet valid", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Day_arithmetic_saturates_at_the_ends_of_the_calendar()
    {
        Assert.Equal(DateTimeOffset.MaxValue, ValidationTime.AddDaysSaturating(DateTimeOffset.MaxValue.AddDays(-1), 30));
        Assert.Equal(DateTimeOffset.MinValue, ValidationTime.AddDaysSaturating(DateTimeOffset.MinValue.AddDays(1), -30));
        var now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(now.AddDays(30), ValidationTime.AddDaysSaturating(now, 30));
        Assert.Equal(DateTimeOffset.MaxValue, ValidationTime.AddDaysSaturating(now, int.MaxValue));
    }
}
