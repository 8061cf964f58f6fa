using System.IO.Compression;
using System.Text;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Hardening;

/// <summary>
/// Planted secrets — the key-store password (the variable CertKeyPasswordVariable names) and a CA
/// password a pipeline keeps in its environment — are used by the build (keys encrypted, a PFX written
/// after the gate) and appear nowhere: not in `dotnet build -v:diag` output, not in binary logs, not in
/// SARIF, the report, the bundle folder, the zip's entries, obj/, or the key store files.
/// </summary>
[Trait("Lane", "Build")]
[Collection(MSBuildTestGroup.Name)]
public sealed class SecretsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Planted_secrets_appear_in_no_log_binlog_sarif_report_bundle_or_key_file()
    {
        var keyPassword = "kp-" + Guid.NewGuid().ToString("N");
        var caPassword = "ca-" + Guid.NewGuid().ToString("N");
        var project = _dir.File("project");
        var store = _dir.File("keys");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "topology.json"), SampleInputs.ToText(SampleInputs.Topology()));
        File.WriteAllText(Path.Combine(project, "policy.json"), SampleInputs.ToText(SampleInputs.Policy()));
        File.WriteAllText(Path.Combine(project, "Class1.cs"), "namespace Secrets; public static class Class1 { }");
        void WriteProject(string issuedItems) => File.WriteAllText(Path.Combine(project, "Secrets.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <CertBuildTasksAssemblyFile>{RepoPaths.TaskAssembly}</CertBuildTasksAssemblyFile>
                <CertGenerateCsr>true</CertGenerateCsr>
                <CertKeyStorePath>{store}</CertKeyStorePath>
                <CertKeyPasswordVariable>CBT_HARDENING_KEY_PASSWORD</CertKeyPasswordVariable>
              </PropertyGroup>
              <Import Project="{RepoPaths.PropsFile}" />
              <ItemGroup>
                <CertTopology Include="topology.json" />
                <CertPolicy Include="policy.json" />
                {issuedItems}
              </ItemGroup>
              <Import Project="{RepoPaths.TargetsFile}" />
            </Project>
            """);

        var environment = new Dictionary<string, string> { ["CBT_HARDENING_KEY_PASSWORD"] = keyPassword, ["CBT_CA_PASSWORD"] = caPassword };
        (int, string) Build(string binlog) => DotNetCli.Run(project, environment, "build", "-nologo", "-v:diag", "-bl:" + Path.Combine(_dir.Path, binlog));

        // Build 1 generates keys (encrypted with the password) and CSRs.
        WriteProject(string.Empty);
        var (code1, log1) = Build("first.binlog");
        Assert.True(code1 == 0, log1);
        var bundle = Path.Combine(project, "bin", "Debug", "net10.0", "certbundle");
        var csrs = Directory.GetFiles(bundle, "*.csr", SearchOption.AllDirectories);
        Assert.NotEmpty(csrs);

        // A CA answers every CSR; build 2 gates the answers and writes a PFX per key, protected by the password.
        using var pki = new TestPki();
        Directory.CreateDirectory(Path.Combine(project, "answers"));
        foreach (var csrPath in csrs)
        {
            using var issued = pki.Answer(File.ReadAllText(csrPath));
            TestPki.Write(Path.Combine(project, "answers", Path.GetFileNameWithoutExtension(csrPath) + ".cer"), issued);
        }

        TestPki.Write(Path.Combine(project, "answers", "root.pem"), pki.Root);
        TestPki.Write(Path.Combine(project, "answers", "issuing.pem"), pki.Intermediate);
        WriteProject("""<IssuedCertificate Include="answers/*.cer" /><TrustedRootCertificate Include="answers/root.pem" /><TrustedRootCertificate Include="answers/issuing.pem" Role="Intermediate" />""");
        var (code2, log2) = Build("second.binlog");
        Assert.True(code2 == 0, log2);
        var pfxFiles = Directory.GetFiles(store, "*.pfx");
        Assert.Equal(csrs.Length, pfxFiles.Length);
        Assert.Contains("MAC: sha1", OpenSsl.Run(store, "pkcs12", "-info", "-in", pfxFiles[0], "-noout", "-passin", "pass:" + keyPassword, "-legacy"), StringComparison.Ordinal);

        // Everything the two builds produced or printed, searched for both secrets (UTF-8 and UTF-16).
        var places = new List<(string Where, byte[] Content)>
        {
            ("console of build 1 (-v:diag)", Encoding.UTF8.GetBytes(log1)),
            ("console of build 2 (-v:diag)", Encoding.UTF8.GetBytes(log2)),
        };
        foreach (var binlog in new[] { "first.binlog", "second.binlog" })
        {
            using var gzip = new GZipStream(File.OpenRead(Path.Combine(_dir.Path, binlog)), CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            gzip.CopyTo(buffer);
            places.Add((binlog, buffer.ToArray()));
        }

        foreach (var file in Directory.EnumerateFiles(project, "*", SearchOption.AllDirectories).Concat(Directory.EnumerateFiles(store)))
        {
            places.Add((Path.GetRelativePath(_dir.Path, file), File.ReadAllBytes(file)));
            if (file.EndsWith(".zip", StringComparison.Ordinal))
            {
                using var zip = ZipFile.OpenRead(file);
                foreach (var entry in zip.Entries)
                {
                    using var content = entry.Open();
                    using var bytes = new MemoryStream();
                    content.CopyTo(bytes);
                    places.Add((file + "!" + entry.FullName, bytes.ToArray()));
                }
            }
        }

        Assert.Contains(places, p => p.Where.EndsWith("certbuild.sarif", StringComparison.Ordinal));
        Assert.Contains(places, p => p.Where.EndsWith("report.html", StringComparison.Ordinal));
        IEnumerable<string> WhereFound(string text) =>
            places.Where(p => new Encoding[] { Encoding.UTF8, Encoding.Unicode }.Any(e => p.Content.AsSpan().IndexOf(e.GetBytes(text)) >= 0)).Select(p => p.Where);
        Assert.Empty(WhereFound(keyPassword));
        Assert.Empty(WhereFound(caPassword));

        // The same search does find what is there: the variable's name, the only trace of the password.
        Assert.Contains("second.binlog", WhereFound("CBT_HARDENING_KEY_PASSWORD"));
    }
}
