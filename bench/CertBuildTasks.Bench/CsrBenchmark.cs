using CertBuildTasks.Input;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using CertBuildTasks.Csr;
using CertBuildTasks.Planning;
using CertBuildTasks.Validation;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Bench;

/// <summary>
/// CertGenerateCsr for 100 certificates (keys generated in parallel, stored as encrypted PKCS#8, CSRs
/// signed) against two references measured in the same rounds: the key generation alone, in parallel
/// on the same cores (the lower bound: a CSR cannot be made before its key), and 100 runs of
/// `openssl req -new -newkey rsa:2048`, as many at a time as there are cores. RSA key generation
/// time is random (prime search) and a round of 100 keys varies by about 10 % on its own, so the three
/// are alternated round by round and compared by their totals over all rounds.
/// </summary>
public static class CsrBenchmark
{
    private const string PasswordVariable = "CBT_BENCH_KEY_PASSWORD";

    public static void Run(TextWriter output, int certificates, int rounds)
    {
        var dir = Path.Combine(Path.GetTempPath(), "cbt-bench-csr-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        try
        {
            var plan = PlanWithExportable(dir, certificates);
            var keygen = new List<double>();
            var stage = new List<double>();
            var openssl = new List<double>();
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
            for (var round = 0; round < rounds; round++)
            {
                var store = Path.Combine(dir, "keys-" + round);
                var requests = Path.Combine(dir, "openssl-" + round);
                Directory.CreateDirectory(requests);
                var steps = new Action[]
                {
                    () => keygen.Add(Measure.Once(() => Parallel.For(0, certificates, parallel, i =>
                    {
                        using var key = RSA.Create(2048);
                        key.ExportRSAPublicKey(); // .NET generates the key on first use
                    }))),
                    () =>
                    {
                        var settings = new CsrStage.Settings(store, PasswordVariable, "bench-password", [], Path.Combine(dir, "Bench.csproj"));
                        var files = 0;
                        stage.Add(Measure.Once(() => files = CsrStage.Run(plan, settings).Files.Count));
                        if (files != certificates)
                        {
                            throw new InvalidOperationException($"the CSR stage wrote {files} CSRs, not {certificates}");
                        }
                    },
                    () => openssl.Add(Measure.Once(() => Parallel.For(0, certificates, parallel, i => OpenSslReq(requests, i, plan.Certificates[i])))),
                };

                // A different order each round, so that no variant always runs first (or after the process starts).
                for (var s = 0; s < steps.Length; s++)
                {
                    steps[(s + round) % steps.Length]();
                }
            }

            var (k, st, o) = (keygen.Sum() / rounds, stage.Sum() / rounds, openssl.Sum() / rounds);
            output.WriteLine($"## CSR generation ({certificates} certificates, {Environment.ProcessorCount} in parallel, {rounds} alternating rounds)");
            output.WriteLine();
            output.WriteLine("| what | mean ms per round | ms per key | ratio to key generation alone |");
            output.WriteLine("|---|---:|---:|---:|");
            Row(output, "RSA-2048 key generation alone (lower bound)", k, certificates, k);
            Row(output, "CertGenerateCsr stage (key, encrypted PKCS#8, CSR)", st, certificates, k);
            Row(output, "`openssl req -new -newkey rsa:2048 -nodes` per certificate", o, certificates, k);
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CSR stage / openssl req: {st / o:F2}. Rounds (key generation, stage, openssl ms): {string.Join("; ", keygen.Select((x, i) => $"{x:F0}, {stage[i]:F0}, {openssl[i]:F0}"))}."));
            output.WriteLine();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>A plan cut down to its first <paramref name="count"/> exportable certificates (those the build keys).</summary>
    private static CertificatePlan PlanWithExportable(string dir, int count)
    {
        var topologyPath = Path.Combine(dir, "topology.json");
        File.WriteAllText(topologyPath, SyntheticTopology.Json(1_000));
        var validation = InputValidator.Validate(InputFileReader.Files, topologyPath, null);
        var plan = PlanStage.Run(validation.Topology!, validation.Policy!, BenchClock.RequestTime).Plan;
        var exportable = plan.Certificates.Where(c => c.ExportablePrivateKey).Take(count).ToImmutableArray();
        if (exportable.Length < count)
        {
            throw new InvalidOperationException($"the synthetic plan has only {exportable.Length} exportable certificates");
        }

        return plan with { Certificates = exportable };
    }

    private static void OpenSslReq(string dir, int index, PlannedCertificate c) =>
        Tool.Run("openssl", dir,
        [
            "req", "-new", "-newkey", "rsa:2048", "-nodes", "-sha256",
            "-keyout", $"{index}.key", "-out", $"{index}.csr",
            "-subj", "/CN=" + c.SubjectName,
            "-addext", "subjectAltName=" + string.Join(',', c.SanNames.Select(n => "DNS:" + n)),
        ]);

    private static void Row(TextWriter output, string what, double ms, int count, double reference) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {ms:F0} | {ms / count:F1} | {ms / reference:F2} |"));
}
