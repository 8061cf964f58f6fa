using CertBuildTasks.Deployed;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Input;

/// <summary>Get-CsCertificate output as Windows PowerShell and PowerShell 7 write it, and what is refused.</summary>
public sealed class DeployedCertificateReaderTests
{
    [Fact]
    public void Windows_powershell_json_with_a_single_object_and_ms_dates_is_read()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("fe01.json", """
            { "PSComputerName": "fe01.contoso.com", "Use": "Default", "Thumbprint": "ab 12000000000000000000000000000000000000", "NotAfter": "\/Date(1798761600000)\/",
              "Subject": "CN=pool01.contoso.com, OU=IT, O=Contoso", "AlternativeNames": ["DNS Name=pool01.contoso.com", "fe01.contoso.com"] }
            """);
        var bag = new DiagnosticBag();

        var d = Assert.Single(DeployedCertificateReader.Read(path, null, null, bag));

        Assert.Empty(bag.Items);
        Assert.Equal(("fe01.contoso.com", "AB12000000000000000000000000000000000000", "pool01.contoso.com"), (d.Server, d.Thumbprint, d.SubjectName));
        Assert.Equal(new[] { "pool01.contoso.com", "fe01.contoso.com" }, d.DnsNames.ToArray());
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), d.NotAfter);
    }

    [Fact]
    public void An_entry_without_what_the_check_needs_is_CBT5000_at_its_line()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("set.json", "[\n  { \"Server\": \"fe01.contoso.com\", \"Use\": \"Default\", \"Thumbprint\": \"AB00000000000000000000000000000000000000\", \"NotAfter\": \"2027-01-01T00:00:00Z\" },\n  { \"Use\": \"Default\" }\n]");
        var bag = new DiagnosticBag();

        Assert.Single(DeployedCertificateReader.Read(path, null, null, bag));

        var problem = Assert.Single(bag.Items);
        Assert.Equal(("CBT5000", 3), (problem.Id, problem.Location.Line));
    }

    [Fact]
    public void A_certificate_file_that_matches_no_planned_certificate_and_has_no_server_metadata_is_CBT5000()
    {
        using var temp = new TempDirectory();
        using var pki = new TestPki();
        var plan = Plan.Run(SampleInputs.Topology(), SampleInputs.Policy()).Plan;
        var stranger = plan.Certificates[0] with { SubjectName = "unknown.contoso.com", Id = "stranger" };
        var path = TestPki.Write(temp.File("stranger.cer"), pki.Issue(stranger));
        var bag = new DiagnosticBag();

        Assert.Empty(DeployedCertificateReader.Read(path, null, null, null, plan, bag));
        Assert.Equal("CBT5000", Assert.Single(bag.Items).Id);
    }

    [Fact]
    public void A_certificate_file_named_after_its_planned_certificate_stands_for_it_on_each_of_its_servers()
    {
        using var temp = new TempDirectory();
        using var pki = new TestPki();
        var plan = Plan.Run(SampleInputs.Topology(), SampleInputs.Policy()).Plan;
        var edge = plan.Certificates.Single(c => c.Id == "edge-external-edgepool.contoso.com");
        var path = TestPki.Write(temp.File(edge.Id + ".cer"), pki.Issue(edge));
        var bag = new DiagnosticBag();

        var read = DeployedCertificateReader.Read(path, null, null, null, plan, bag);

        Assert.Empty(bag.Items);
        Assert.Equal(edge.Servers.ToArray(), read.Select(d => d.Server).ToArray());
        Assert.All(read, d => Assert.Equal(edge.Usages.ToArray(), d.Usages.ToArray()));
    }

    [Fact]
    public void Export_csv_output_with_joined_names_and_quoted_commas_is_read()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("set.csv", "#TYPE Selected.Microsoft.Rtc.Management.Deployment.CertificateReference\r\n"
            + "\"Server\",\"Use\",\"Thumbprint\",\"NotAfter\",\"Subject\",\"AlternativeNames\"\r\n"
            + "\"fe01.contoso.com\",\"Default\",\"AB12000000000000000000000000000000000000\",\"2027-01-01T00:00:00Z\",\"CN=pool01.contoso.com, O=\"\"Contoso, Ltd\"\"\",\"pool01.contoso.com;meet.contoso.com\"\r\n"
            + "\"fe02.contoso.com\",\"\",\"AB13000000000000000000000000000000000000\",\"2027-01-01T00:00:00Z\",\"CN=pool01.contoso.com\",\"\"\r\n");
        var bag = new DiagnosticBag();

        var d = Assert.Single(DeployedCertificateReader.Read(path, null, null, bag));

        Assert.Equal(("fe01.contoso.com", "pool01.contoso.com"), (d.Server, d.SubjectName));
        Assert.Equal(new[] { "pool01.contoso.com", "meet.contoso.com" }, d.DnsNames.ToArray());
        var problem = Assert.Single(bag.Items);
        Assert.Equal(("CBT5000", 4), (problem.Id, problem.Location.Line));
    }

    [Theory]
    [InlineData("\"Use\": 3", "not a certificate usage")]
    [InlineData("\"Use\": \"Defualt\"", "not a certificate usage")]
    [InlineData("\"Use\": \"Default\", \"NotAfter\": \"01/07/2027\"", "NotAfter")]
    [InlineData("\"Use\": \"Default\", \"NotAfter\": \"/Date(99999999999999999)/\"", "NotAfter")]
    [InlineData("\"Use\": \"Default\", \"Thumbprint\": \"not-a-thumbprint\"", "40 hex digits")]
    public void Enum_numbers_typos_ambiguous_dates_and_bad_thumbprints_are_CBT5000_not_silently_misread(string fields, string hint)
    {
        using var temp = new TempDirectory();
        var json = "{ \"Server\": \"fe01.contoso.com\", \"Thumbprint\": \"" + new string('A', 40) + "\", \"NotAfter\": \"2027-01-01T00:00:00Z\", " + fields + " }";
        var path = temp.Write("x.json", json.Replace("\"Thumbprint\": \"" + new string('A', 40) + "\", \"NotAfter\": \"2027-01-01T00:00:00Z\", \"Use\": \"Default\", \"Thumbprint\"", "\"Use\": \"Default\", \"Thumbprint\"", StringComparison.Ordinal));
        var bag = new DiagnosticBag();

        var read = DeployedCertificateReader.Read(path, null, null, bag);

        var problem = Assert.Single(bag.Items);
        Assert.Equal("CBT5000", problem.Id);
        Assert.Contains(hint, problem.Message, StringComparison.Ordinal);
        Assert.Empty(read);
    }
}
