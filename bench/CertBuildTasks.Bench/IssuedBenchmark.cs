using CertBuildTasks.Input;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Validation;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Bench;

/// <summary>
/// The gate on 10,000 issued certificates (one per planned certificate of a synthetic topology) against
/// `openssl verify` on the same files in one batched process — the same chain work, without the plan checks.
/// </summary>
public static class IssuedBenchmark
{
    public static void Run(TextWriter output, int certificates, int runs)
    {
        var dir = Path.Combine(Path.GetTempPath(), "cbt-bench-issued-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        try
        {
            var topologyPath = Path.Combine(dir, "topology.json");
            File.WriteAllText(topologyPath, SyntheticTopology.Json(certificates - 2));
            var validation = InputValidator.Validate(InputFileReader.Files, topologyPath, null);
            var plan = PlanStage.Run(validation.Topology!, validation.Policy!, BenchClock.RequestTime).Plan;

            var (rootPath, intermediatePath, files) = Issue(plan, dir);
            var inputs = files.Select(f => new IssuedStage.Input(f, null)).ToList();
            var roots = new List<IssuedStage.RootInput> { new(rootPath, null, null), new(intermediatePath, null, false) };
            var now = DateTimeOffset.UtcNow;

            // Warm-up of both, then alternating runs so that machine noise hits both alike.
            IssuedStage.Result? result = null;
            void Gate() => result = IssuedStage.Run(plan, inputs, roots, now, false, new Dictionary<string, byte[]>());
            void Verify() => OpenSslVerify(dir, rootPath, intermediatePath, files);
            Gate();
            Verify();
            var gateTimes = new List<double>();
            var opensslTimes = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                gateTimes.Add(Measure.Once(Gate));
                opensslTimes.Add(Measure.Once(Verify));
            }

            var errors = result!.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            var gate = Measure.Median(gateTimes);
            var openssl = Measure.Median(opensslTimes);
            output.WriteLine("## Issued-certificate gate");
            output.WriteLine();
            output.WriteLine("| certificates | gate median ms (read, match, chain, 15 rules) | openssl verify median ms (one process, chain only) | ratio gate/openssl | errors |");
            output.WriteLine("|---:|---:|---:|---:|---:|");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {files.Count:N0} | {gate:F0} | {openssl:F0} | {gate / openssl:F2} | {errors} |"));
            output.WriteLine();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static (string Root, string Intermediate, List<string> Files) Issue(CertificatePlan plan, string dir)
    {
        using var rootKey = RSA.Create(2048);
        using var intermediateKey = RSA.Create(2048);
        using var leafKey = RSA.Create(2048);
        var now = DateTimeOffset.UtcNow;
        var rootRequest = new CertificateRequest("CN=Bench Root", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        var intermediateRequest = new CertificateRequest("CN=Bench Issuing CA", intermediateKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        intermediateRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var intermediate = intermediateRequest.Create(root, now.AddDays(-1), now.AddYears(4), [1]);
        var rootPath = Path.Combine(dir, "root.pem");
        var intermediatePath = Path.Combine(dir, "issuing.pem");
        File.WriteAllText(rootPath, root.ExportCertificatePem());
        File.WriteAllText(intermediatePath, intermediate.ExportCertificatePem());

        var signer = X509SignatureGenerator.CreateForRSA(intermediateKey, RSASignaturePadding.Pkcs1);
        var crl = CertificateRevocationListBuilder.BuildCrlDistributionPointExtension(["http://pki.bench.test/a.crl"]);
        var files = new string[plan.Certificates.Length];
        Parallel.For(0, plan.Certificates.Length, i =>
        {
            var c = plan.Certificates[i];
            var request = new CertificateRequest("CN=" + c.SubjectName, leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var sans = new SubjectAlternativeNameBuilder();
            foreach (var name in c.SanNames)
            {
                sans.AddDnsName(name);
            }

            request.CertificateExtensions.Add(sans.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(EnhancedKeyUsageOids.ServerAuthentication)], false));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
            request.CertificateExtensions.Add(crl);
            using var leaf = request.Create(intermediate.SubjectName, signer, now.AddDays(-1), now.AddYears(1), BitConverter.GetBytes(i + 2L));
            files[i] = Path.Combine(dir, c.Id + ".cer");
            File.WriteAllText(files[i], leaf.ExportCertificatePem());
        });
        return (rootPath, intermediatePath, [.. files]);
    }

    private static void OpenSslVerify(string dir, string root, string intermediate, IReadOnlyList<string> files) =>
        Tool.Run("openssl", dir, ["verify", "-CAfile", root, "-untrusted", intermediate, .. files]);
}
