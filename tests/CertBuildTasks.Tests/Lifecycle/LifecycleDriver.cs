using CertBuildTasks.Validation;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertBuildTasks.Deployed;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Generation;
using CertBuildTasks.Planning;
using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Tests.Lifecycle;

/// <summary>
/// Plays the administrator: builds the bundle with the real stages at the estate's time (as
/// `dotnet build` with CertValidationTime would), copies it to each server, runs the steps the
/// runbooks name, answers offline requests with the right CA, carries PFX files between Edge servers
/// and feeds the certificates in service back into the next build. After every step it checks that no
/// usage anywhere is without a valid certificate.
/// </summary>
public sealed class LifecycleDriver : IDisposable
{
    public const string PfxPassword = "Transfer-Only-2026!";
    private readonly TempDirectory _dir = new();
    private JObject _topology;
    private JObject _policy;

    public LifecycleDriver(JObject? topology = null, JObject? policy = null, DateTimeOffset? start = null)
    {
        _topology = topology ?? SampleInputs.Topology();
        _policy = policy ?? SampleInputs.Policy();
        var validation = Validate.Run(_topology, _policy);
        Estate = new Estate(validation.Result.Topology!, start ?? DateTimeOffset.UtcNow.AddDays(1));
        if (validation.Result.Policy!.InternalCaConfig is { } config)
        {
            Estate.InternalCaConfig = config.Value; // the CA the policy names is the one that answers
        }

        Runner = new EstateRunner(Estate);
        Build();
    }

    public Estate Estate { get; }

    public EstateRunner Runner { get; }

    public CertificatePlan Plan { get; private set; } = null!;

    public IReadOnlyList<GeneratedFile> Files { get; private set; } = [];

    /// <summary>Deployed certificates the last build read (the renewal input).</summary>
    public IReadOnlyList<DeployedCertificate> Deployed { get; private set; } = [];

    /// <summary>Ids of certificates whose key the build generates (CertGenerateCsr), for the next build.</summary>
    public IReadOnlySet<string> CentralKeys { get; set; } = new HashSet<string>();

    /// <summary>After every step, no usage may be without a valid certificate (off while recovering from an outage).</summary>
    public bool CheckGaps { get; set; } = true;

    public string Transfer => Directory.CreateDirectory(_dir.File("transfer")).FullName;

    public string Responses => Directory.CreateDirectory(_dir.File("responses")).FullName;

    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }

    /// <summary>A new topology or policy (a pool change), for the next build.</summary>
    public void Change(Action<JObject>? topology = null, Action<JObject>? policy = null)
    {
        topology?.Invoke(_topology);
        policy?.Invoke(_policy);
    }

    /// <summary>The build: validate, plan at the estate's time, read the certificates in service, generate.</summary>
    public void Build(IReadOnlyList<string>? deployedFiles = null)
    {
        var validation = Validate.Run(_topology, _policy);
        Assert.DoesNotContain(validation.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Estate.Join(validation.Result.Topology!);
        var (plan, _) = PlanStage.Run(validation.Result.Topology!, validation.Result.Policy!, Estate.Now);
        Deployed = deployedFiles is null
            ? []
            : DeployedStage.Run(plan, validation.Result.Policy!, [.. deployedFiles.Select(f => new DeployedStage.Input(f, null, null))], Estate.Now).Deployed;
        var options = new GenerationOptions(CentralKeys, new Dictionary<string, CertBuildTasks.Issued.IssuedRecord>()) { Deployed = Deployed };
        var (files, diagnostics) = GenerationStage.Run(plan, Generate.Version, options);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Plan = plan;
        Files = files;
        foreach (var machine in Estate.Machines.Keys)
        {
            CopyBundleTo(machine);
        }
    }

    /// <summary>The bundle unpacked over the server's copy: files the scripts keep beside themselves stay.</summary>
    private void CopyBundleTo(string machine)
    {
        foreach (var file in Files)
        {
            var path = Path.Combine(BundleOf(machine), file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Content);
        }
    }

    /// <summary>Where the bundle lives on the server: a folder with a space in its name, as admins make them.</summary>
    public string BundleOf(string machine) => _dir.File(Path.Combine("machines", machine, "Cert Bundle"));

    public string Script(string machine, string relative) => Path.Combine(BundleOf(machine), relative);

    /// <summary>Runs a bundle script on a machine; it must succeed and leave no usage without a valid certificate.</summary>
    public ScriptRun Run(string machine, string relative, IDictionary<string, object?>? parameters = null)
    {
        var run = Runner.Run(machine, Script(machine, relative), parameters);
        Assert.True(run.Succeeded, run.Describe());
        if (CheckGaps)
        {
            AssertNoGaps(run.Describe());
        }

        return run;
    }

    /// <summary>Runs a step with -WhatIf (nothing may change), for real, and again (nothing may change).</summary>
    public ScriptRun Step(string machine, string relative, IDictionary<string, object?>? parameters = null)
    {
        var before = State(machine);
        var whatIf = Runner.Run(machine, Script(machine, relative), With(parameters, "WhatIf", true));
        Assert.True(whatIf.Succeeded, whatIf.Describe());
        Assert.Equal(before, State(machine));
        var run = Run(machine, relative, parameters);
        var after = State(machine);
        var again = Run(machine, relative, parameters);
        Assert.Equal(after, State(machine));
        return run;
    }

    private static Dictionary<string, object?> With(IDictionary<string, object?>? parameters, string name, object? value) =>
        new(parameters ?? new Dictionary<string, object?>()) { [name] = value };

    /// <summary>The estate and the machine's bundle folder (the files the scripts keep), as text.</summary>
    public string State(string machine)
    {
        var files = Directory.Exists(BundleOf(machine))
            ? Directory.GetFiles(BundleOf(machine), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => Path.GetRelativePath(BundleOf(machine), f) + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))))
            : [];
        return Estate.Snapshot() + string.Join("\n", files);
    }

    public void AssertNoGaps(string context = "")
    {
        var gaps = Estate.Gaps(Plan);
        Assert.True(gaps.Count == 0, $"usages without a valid certificate at {Estate.Now:u} ({context}):\n" + string.Join("\n", gaps));
    }

    /// <summary>The internal CA chain as the admin has it: a .p7b with root and issuing CA.</summary>
    public string InternalChain()
    {
        var path = _dir.File("internal-chain.p7b");
        File.WriteAllBytes(path, new X509Certificate2Collection(new[] { Estate.InternalCa.Root, Estate.InternalCa.Intermediate }).Export(X509ContentType.Pkcs7)!);
        return path;
    }

    /// <summary>
    /// The CA answers a request made offline on a machine: the planned CA signs the .req the script
    /// wrote; a public CA sends its issuing CA along (.p7b), the internal CA the bare certificate.
    /// </summary>
    public string Answer(string machine, PlannedCertificate c)
    {
        var req = Path.Combine(BundleOf(machine), BundlePaths.RequestFolder(c), c.Id + ".req");
        Assert.True(File.Exists(req), "no request " + req);
        var pem = File.ReadAllText(req).Replace("NEW CERTIFICATE REQUEST", "CERTIFICATE REQUEST", StringComparison.Ordinal);
        var request = CertificateRequest.LoadSigningRequestPem(pem, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        var publicCa = c.CertificateAuthority == Policy.AuthorityKind.Public;
        var ca = publicCa ? Estate.PublicCa : Estate.InternalCa;
        var issued = ca.Sign(request, Estate.Now.AddHours(-1), Estate.Now + Estate.Validity);
        Directory.CreateDirectory(Responses);
        if (publicCa)
        {
            var path = Path.Combine(Responses, c.Id + ".p7b");
            File.WriteAllBytes(path, new X509Certificate2Collection(new[] { issued, X509CertificateLoader.LoadCertificate(ca.Intermediate.RawData) }).Export(X509ContentType.Pkcs7)!);
            return path;
        }

        var cer = Path.Combine(Responses, c.Id + ".cer");
        File.WriteAllText(cer, issued.ExportCertificatePem());
        return cer;
    }

    public PlannedCertificate Planned(string id) => Plan.Certificates.Single(c => c.Id == id);

    /// <summary>Every server exports the certificates in service (Export-DeployedCertificates.ps1); the files, for the next build.</summary>
    public IReadOnlyList<string> ExportDeployed()
    {
        var folder = Directory.CreateDirectory(_dir.File("deployed-" + Estate.Now.ToUnixTimeSeconds())).FullName;
        foreach (var machine in Estate.Machines.Values.Where(m => m.Assignments.Count > 0).Select(m => m.Fqdn))
        {
            Run(machine, $"{BundlePaths.GlobalFolder}/Export-DeployedCertificates.ps1", new Dictionary<string, object?> { ["OutputPath"] = folder });
        }

        return Directory.GetFiles(folder, "*.deployed.json").Order(StringComparer.Ordinal).ToList();
    }

    // ---- The deployment runbook, step by step ---------------------------------------------------

    private Dictionary<string, object?> Chain(Dictionary<string, object?>? more = null)
    {
        var p = new Dictionary<string, object?>(more ?? []) { ["CaChainPath"] = InternalChain() };
        return p;
    }

    /// <summary>The deployment runbook (global/runbook.md) on the whole estate; every step also run with -WhatIf and twice.</summary>
    public void DeployEverything()
    {
        var requesting = Plan.Certificates.First(c => c.Usages.Contains(LyncUsage.OAuthTokenIssuer)).RequestingServer!;
        Step(requesting, $"{BundlePaths.Server(requesting)}/{BundlePaths.RequestScript}");
        Step(requesting, $"{BundlePaths.GlobalFolder}/{GlobalScriptsGenerator.OAuthScript}");
        foreach (var server in RunbookGenerator.ServersInOrder(Plan))
        {
            DeployServer(server);
        }

        foreach (var c in Plan.Certificates.Where(c => c.IsOutsideLync))
        {
            DeployOutsideLync(c);
        }
    }

    /// <summary>The renewal runbook (global/renewal/runbook.md): OAuth requested and staged first, then every server, then what is outside Lync.</summary>
    public void RenewEverything()
    {
        var oauth = Plan.Certificates.First(c => c.Usages.Contains(LyncUsage.OAuthTokenIssuer));
        Step(oauth.RequestingServer!, $"{BundlePaths.Server(oauth.RequestingServer!)}/{BundlePaths.RequestScript}");
        Step(oauth.RequestingServer!, $"{RenewalScriptsGenerator.RenewalFolder}/{RenewalScriptsGenerator.OAuthRollScript}");
        foreach (var server in RunbookGenerator.ServersInOrder(Plan))
        {
            DeployServer(server);
        }

        foreach (var c in Plan.Certificates.Where(c => c.IsOutsideLync))
        {
            DeployOutsideLync(c);
        }
    }

    /// <summary>After the roll-overs took effect: Remove-CsCertificate -Previous through the roll-over scripts.</summary>
    public void RemovePreviousEverywhere()
    {
        var remove = new Dictionary<string, object?> { ["RemovePrevious"] = true };
        var oauth = Plan.Certificates.First(c => c.Usages.Contains(LyncUsage.OAuthTokenIssuer));
        Step(oauth.RequestingServer!, $"{RenewalScriptsGenerator.RenewalFolder}/{RenewalScriptsGenerator.OAuthRollScript}", remove);
        foreach (var av in Plan.Certificates.Where(c => c.Usages.Contains(LyncUsage.AudioVideoAuthentication)))
        {
            foreach (var server in av.Servers)
            {
                Step(server, $"{RenewalScriptsGenerator.AudioVideoFolder(av)}/{RenewalScriptsGenerator.AudioVideoRollScript}", remove);
            }
        }
    }

    /// <summary>What is in effect now for every usage on every machine and globally.</summary>
    public Dictionary<string, string> Assignments()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in Estate.Machines.Values)
        {
            foreach (var usage in m.Assignments.Keys)
            {
                result[m.Fqdn + "|" + usage] = Estate.Assigned(m.Fqdn, usage)!;
            }
        }

        foreach (var usage in Estate.GlobalAssignments.Keys)
        {
            result["Global|" + usage] = Estate.Assigned("Global", usage)!;
        }

        return result;
    }

    /// <summary>The earliest end of the certificates in effect anywhere.</summary>
    public DateTimeOffset EarliestEnd() =>
        new(Assignments().Select(a => Estate.Machines.Values.Select(m => m.InMy(a.Value)).First(s => s is not null)!.Certificate.NotAfter).Min());

    public void DeployServer(string server)
    {
        var planned = Plan.InstalledOn(server).Concat(Plan.RequestedFrom(server)).Distinct().ToList();
        var isEdge = planned.Any(c => c.Kind is Policy.CertificateKind.EdgeInternal or Policy.CertificateKind.EdgeExternal);
        var folder = BundlePaths.Server(server);
        var parameters = isEdge ? Chain() : [];
        if (Plan.RequestedFrom(server).Any())
        {
            Step(server, $"{folder}/{BundlePaths.RequestScript}", parameters);
            var offline = Plan.RequestedFrom(server).Where(c => c.RequestMode == Policy.RequestMode.Offline).ToList();
            if (offline.Count > 0)
            {
                foreach (var c in offline)
                {
                    Answer(server, c);
                }

                Step(server, $"{folder}/{BundlePaths.RequestScript}", new Dictionary<string, object?>(parameters) { ["ResponsePath"] = Responses });
            }
        }

        var shared = Plan.RequestedFrom(server).Where(c => c.Servers.Length > 1 && c.Kind is Policy.CertificateKind.EdgeInternal or Policy.CertificateKind.EdgeExternal).ToList();
        if (shared.Count > 0)
        {
            Step(server, $"{GlobalScriptsGenerator.EdgeFolder(shared[0].Pool)}/{GlobalScriptsGenerator.EdgeExportScript}",
                new Dictionary<string, object?> { ["OutputPath"] = Transfer, ["PfxPassword"] = Secure(PfxPassword) });
        }

        if (Plan.InstalledOn(server).Any(c => !c.Usages.IsEmpty && !c.Usages.Contains(LyncUsage.OAuthTokenIssuer)))
        {
            var set = new Dictionary<string, object?>(parameters);
            if (Plan.InstalledOn(server).Any(c => c.RequestingServer != server))
            {
                set["PfxPath"] = Transfer;
                set["PfxPassword"] = Secure(PfxPassword);
            }

            Step(server, $"{folder}/{BundlePaths.AssignmentScript}", set);
        }
    }

    public void DeployOutsideLync(PlannedCertificate c)
    {
        var machine = c.Kind == Policy.CertificateKind.ReverseProxy ? Estate.ReverseProxyFqdn : Estate.OfficeWebAppsMachine;
        var script = $"{BundlePaths.RequestFolder(c)}/{GlobalScriptsGenerator.OutsideLyncScript(c)}";
        Step(machine, script, Chain());
        if (c.RequestMode == Policy.RequestMode.Offline)
        {
            Answer(machine, c);
            Step(machine, script, Chain(new Dictionary<string, object?> { ["ResponsePath"] = Responses }));
        }
    }

    public void Dispose()
    {
        Runner.Dispose();
        Estate.Dispose();
        _dir.Dispose();
    }
}
