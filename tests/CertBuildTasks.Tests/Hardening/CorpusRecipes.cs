using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Hardening;

/// <summary>
/// Corpus entries that cannot live in the repository as they are (50 MB files, 10,000 SIP domains,
/// anything holding a private key) are kept as a one-line recipe, "&lt;name&gt;.&lt;ext&gt;.recipe", made
/// into the real file when the test runs.
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
