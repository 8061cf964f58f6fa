using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Hardening;

/// <summary>
/// Corpus entries that cannot live in the repository as they are (50 MB files, 10,000 SIP domains,
/// anything holding a private key, a named pipe, a link to /dev/zero, certificates of the test PKI)
/// are kept as a one-line recipe, "&lt;name&gt;.&lt;ext&gt;.recipe", made into the real file when the test runs.
/// </summary>
internal static class CorpusRecipes
{
    public static bool IsRecipe(string path) => path.EndsWith(".recipe", StringComparison.Ordinal);

    /// <summary>Writes the entry's input into <paramref name="directory"/> and returns its path.</summary>
    public static string Materialize(string entryPath, string directory, TestPki pki)
    {
        Directory.CreateDirectory(directory);
        if (!IsRecipe(entryPath))
        {
            var copy = Path.Combine(directory, Path.GetFileName(entryPath));
            File.Copy(entryPath, copy);
            return copy;
        }

        var target = Path.Combine(directory, Path.GetFileNameWithoutExtension(entryPath));
        var words = File.ReadAllText(entryPath).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int Number(int i) => int.Parse(words[i], CultureInfo.InvariantCulture);
        switch (words[0])
        {
            case "zeros":
                using (var stream = File.Create(target))
                {
                    stream.SetLength(Number(1));
                }

                break;
            case "pad-sample-topology":
                Pad(target, SampleInputs.ToText(SampleInputs.Topology()), Number(1));
                break;
            case "sip-domains":
                File.WriteAllText(target, SampleInputs.ToText(WithSipDomains(Number(1))));
                break;
            case "servers":
                var many = SampleInputs.Topology();
                SampleInputs.Pool(many, "FrontEnd")["servers"] = new JArray(Enumerable.Range(0, Number(1)).Select(i => $"fe{i}.contoso.com"));
                File.WriteAllText(target, SampleInputs.ToText(many));
                break;
            case "long-server-name":
                var longName = SampleInputs.Topology();
                SampleInputs.Pool(longName, "FrontEnd")["servers"]![1] = new string('a', Number(1)) + ".contoso.com";
                File.WriteAllText(target, SampleInputs.ToText(longName));
                break;
            case "long-site-name":
                var longSite = SampleInputs.Topology();
                longSite["sites"]![0]!["name"] = new string('s', Number(1));
                File.WriteAllText(target, SampleInputs.ToText(longSite));
                break;
            case "published-long-attribute":
                var fixture = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Topology", "Fixtures", "published-director-edge.xml"));
                File.WriteAllText(target, fixture.Replace("Fqdn=\"fe02.fabrikam.com\"", "Fqdn=\"" + new string('f', Number(1)) + "\"", StringComparison.Ordinal));
                break;
            case "policy-many-names":
                var policy = SampleInputs.Policy();
                policy["certificates"] = new JObject { ["frontEnd"] = new JObject { ["additionalNames"] = new JArray(Enumerable.Range(0, Number(1)).Select(i => $"extra{i}.contoso.com")) } };
                File.WriteAllText(target, SampleInputs.ToText(policy));
                break;
            case "pfx-in-pem":
                File.WriteAllText(target, PemEncoding.WriteString("CERTIFICATE", Pfx()));
                break;
            case "pfx-der":
                File.WriteAllBytes(target, Pfx());
                break;
            case "csr":
                using (var key = RSA.Create(2048))
                {
                    File.WriteAllText(target, new CertificateRequest("CN=pool01.contoso.com", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSigningRequestPem());
                }

                break;
            case "self-signed":
                File.WriteAllBytes(target, pki.Issue(Planned(words[1]), new TestPki.Options { SelfSigned = true }).RawData);
                break;
            case "unplanned-names":
                File.WriteAllBytes(target, pki.Issue(Planned("frontend-fe01.contoso.com"), new TestPki.Options { CommonName = "intranet.fabrikam.com", DnsNames = ["intranet.fabrikam.com", "www.fabrikam.com"] }).RawData);
                break;
            case "truncated-certificate":
                File.WriteAllBytes(target, pki.Issue(Planned("frontend-fe01.contoso.com")).RawData[..Number(1)]);
                break;
            case "leaf-as-root":
                File.WriteAllBytes(target, pki.Issue(Planned("director-dir01.contoso.com")).RawData);
                break;
            case "fifo":
                // A named pipe: opened for reading, it blocks until a writer comes, which never does.
                Assert.Equal(0, ProcessRunner.Run("mkfifo", directory, [target]).ExitCode);
                break;
            case "dev-zero":
                // Endless zeros with a length of 0.
                File.CreateSymbolicLink(target, "/dev/zero");
                break;
            case "folder":
                Directory.CreateDirectory(target);
                File.WriteAllText(Path.Combine(target, "inside.txt"), "a folder named like the input");
                break;
            case "ca-certificate":
                File.WriteAllBytes(target, pki.Issue(Planned("frontend-fe01.contoso.com"), new TestPki.Options { CertificateAuthority = true, KeyUsage = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyCertSign }).RawData);
                break;
            case "der-then-private-key":
                // The certificate's DER followed by its key's PKCS#8 DER: one file, one `cat`, a leaked key.
                File.WriteAllBytes(target, [.. pki.Issue(Planned("frontend-fe01.contoso.com")).RawData, .. TestPki.LeafKey.ExportPkcs8PrivateKey()]);
                break;
            case "pem-key-malformed-begin":
                // A key block whose BEGIN line lost a dash: no PEM block to a PEM reader, a key all the same.
                File.WriteAllText(target, pki.Issue(Planned("frontend-fe01.contoso.com")).ExportCertificatePem() + "\n" + TestPki.LeafKey.ExportPkcs8PrivateKeyPem().Replace("-----BEGIN PRIVATE KEY-----", "----BEGIN PRIVATE KEY-----", StringComparison.Ordinal));
                break;
            case "duplicate-san":
                var second = new SubjectAlternativeNameBuilder();
                second.AddDnsName("evil.fabrikam.com");
                File.WriteAllBytes(target, pki.IssueWithAppendedExtension(Planned("frontend-fe01.contoso.com"), second.Build()).RawData);
                break;
            case "empty-objects":
                // A JSON array of N empty objects: every one a finding, N of them.
                using (var writer = new StreamWriter(target))
                {
                    writer.Write('[');
                    for (var i = 0; i < Number(1); i++)
                    {
                        writer.Write(i == 0 ? "{}" : ",{}");
                    }

                    writer.Write(']');
                }

                break;
            default:
                throw new InvalidOperationException($"unknown recipe '{words[0]}' in {entryPath}");
        }

        return target;
    }

    public static Infrastructure.Plan.Outcome SamplePlan { get; } = Infrastructure.Plan.Run(SampleInputs.Topology(), SampleInputs.Policy());

    public static CertBuildTasks.Planning.PlannedCertificate Planned(string id) => SamplePlan[id];

    private static JObject WithSipDomains(int count)
    {
        var topology = SampleInputs.Topology();
        var domains = Enumerable.Range(0, count).Select(i => i == 0 ? "contoso.com" : $"d{i}.example.com").ToList();
        topology["sipDomains"] = new JArray(domains);
        topology["simpleUrls"]!["meet"] = new JArray(domains.Select(d => new JObject { ["domain"] = d, ["url"] = "https://meet." + d }));
        return topology;
    }

    private static void Pad(string path, string text, long size)
    {
        using var stream = File.Create(path);
        var bytes = Encoding.UTF8.GetBytes(text);
        stream.Write(bytes);
        var spaces = new byte[1 << 20];
        Array.Fill(spaces, (byte)' ');
        for (var left = size - bytes.Length; left > 0; left -= spaces.Length)
        {
            stream.Write(spaces, 0, (int)Math.Min(left, spaces.Length));
        }
    }

    /// <summary>A PFX with its private key, as an admin exports it from a server by mistake.</summary>
    private static byte[] Pfx()
    {
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=pool01.contoso.com", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.Export(X509ContentType.Pfx, "corpus")!;
    }
}
