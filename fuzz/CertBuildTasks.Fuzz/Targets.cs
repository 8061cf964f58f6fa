using CertBuildTasks.Input;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertBuildTasks.Bundle;
using CertBuildTasks.Deployed;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Generation;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Validation;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Fuzz;

/// <summary>
/// What each kind of input goes through — the same stages the tasks run, in process: read, validate,
/// plan, generate and report for topologies, policies and overrides; the gate for issued certificates
/// and roots; the deployed check for exports. A run is a finding when an exception escapes (in a task
/// it would be CBT9000), a CBT9000 is reported, or a diagnostic has no file.
/// </summary>
public sealed class Targets : IDisposable
{
    private readonly string _topology;
    private readonly string _policy;
    private readonly CertificatePlan _plan;
    private readonly string _root;
    private readonly string _issued;
    private readonly RSA _rootKey = RSA.Create(2048);
    private readonly RSA _leafKey = RSA.Create(2048);

    public Targets(string repoRoot, string work)
    {
        _topology = Path.Combine(repoRoot, "samples", "Contoso", "topology.json");
        _policy = Path.Combine(repoRoot, "samples", "Contoso", "certificate-policy.json");
        var validation = InputValidator.Validate(InputFileReader.Files, _topology, _policy);
        _plan = PlanStage.Run(validation.Topology!, validation.Policy!, DateTimeOffset.UnixEpoch).Plan;

        // A throwaway CA and one certificate issued as planned: the good half of gate inputs.
        var now = DateTimeOffset.UtcNow;
        var rootRequest = new CertificateRequest("CN=Fuzz Root", _rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        var planned = _plan.Certificates.Single(c => c.Id == "frontend-fe01.contoso.com");
        var leafRequest = new CertificateRequest("CN=" + planned.SubjectName, _leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in planned.SanNames)
        {
            names.AddDnsName(name);
        }

        leafRequest.CertificateExtensions.Add(names.Build());
        leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        leafRequest.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension(["http://pki.fuzz.test/a.crl"]));
        using var leaf = leafRequest.Create(root, now.AddDays(-1), now.AddYears(1), [1, 2, 3]);
        Directory.CreateDirectory(work);
        _root = Path.Combine(work, "root.pem");
        _issued = Path.Combine(work, "frontend-fe01.contoso.com.cer");
        File.WriteAllText(_root, root.ExportCertificatePem());
        File.WriteAllText(_issued, leaf.ExportCertificatePem());
        GoodCertificate = leaf.RawData;
    }

    /// <summary>A valid issued certificate (DER), a seed for the certificate kinds.</summary>
    public byte[] GoodCertificate { get; }

    public static readonly string[] Kinds = ["topology", "policy", "overrides", "issued", "roots", "deployed"];

    /// <summary>The times the gate and the deployed check judge at: now, and the ends of the calendar.</summary>
    public static readonly DateTimeOffset[] ValidationTimes = [DateTimeOffset.UtcNow, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, DateTimeOffset.UnixEpoch];

    public void Run(string kind, string path) => Run(kind, path, DateTimeOffset.UtcNow);

    public void Run(string kind, string path, DateTimeOffset now)
    {
        var diagnostics = kind switch
        {
            "topology" => Pipeline(InputValidator.Validate(InputFileReader.Files, path, _policy)),
            "policy" => Pipeline(InputValidator.Validate(InputFileReader.Files, _topology, path)),
            "overrides" => Pipeline(InputValidator.Validate(InputFileReader.Files, _topology, _policy, path)),
            "issued" => IssuedStage.Run(_plan, [new(path, null)], [new(_root, null, null)], now, false, new Dictionary<string, byte[]>()).Diagnostics,
            "roots" => IssuedStage.Run(_plan, [new(_issued, null)], [new(path, null, null)], now, false, new Dictionary<string, byte[]>()).Diagnostics,
            "deployed" => DeployedStage.Run(_plan, _plan.Policy, [new(path, "fe01.contoso.com", "Default")], now).Diagnostics,
            _ => throw new ArgumentException("unknown kind " + kind),
        };

        if (diagnostics.FirstOrDefault(d => d.Id == "CBT9000" || d.Location.IsNone) is { } bad)
        {
            throw new InvalidOperationException("reported " + bad);
        }
    }

    /// <summary>A valid input goes on through planning, generation and the report, as in a build.</summary>
    private static IReadOnlyList<Diagnostic> Pipeline(ValidationResult validation)
    {
        if (validation.Topology is null || validation.Policy is null || validation.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return validation.Diagnostics;
        }

        var (plan, planned) = PlanStage.Run(validation.Topology, validation.Policy, DateTimeOffset.UnixEpoch);
        if (planned.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return [.. validation.Diagnostics, .. planned];
        }

        var (files, generated) = GenerationStage.Run(plan, "fuzz");
        _ = ReportWriter.Write(new ReportContent("fuzz", DateTimeOffset.UnixEpoch, plan, [.. validation.Diagnostics, .. planned, .. generated], new Dictionary<string, IssuedRecord>(), [], files, Path.GetTempPath(), "fuzz"));
        return [.. validation.Diagnostics, .. planned, .. generated];
    }

    public void Dispose()
    {
        _rootKey.Dispose();
        _leafKey.Dispose();
    }
}
