using System.Collections;
using System.Management.Automation;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertBuildTasks.Issued;
using CertBuildTasks.Planning;
using CertBuildTasks.Tests.Infrastructure;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Tests.Lifecycle;

/// <summary>
/// A Lync/SfB estate the generated scripts run against: machines with their certificate stores and
/// Lync certificate assignments, the Central Management Store's global assignments, an enterprise CA
/// and a public CA (both real test PKIs that sign what the scripts request), and a clock. The
/// PowerShell stand-ins of LifecycleStandIns.ps1 bind each command's documented parameters and call
/// the methods here, which behave as the Microsoft page named on each does.
/// </summary>
public sealed class Estate : IDisposable
{
    private int _nextRequestId = 100;

    public Estate(LyncTopology topology, DateTimeOffset start)
    {
        Now = start;
        Topology = topology;
        Add(new Machine(ReverseProxyFqdn, "ReverseProxy", domainJoined: false, hasPkiModule: true));
        Add(new Machine(OfficeWebAppsMachine, "OfficeWebApps", domainJoined: true, hasPkiModule: true));
        Join(topology);
    }

    /// <summary>A (changed) topology: its new servers are installed and joined; the Cmdlet reads it from now on.</summary>
    public void Join(LyncTopology topology)
    {
        Topology = topology;
        foreach (var pool in topology.Pools)
        {
            foreach (var server in pool.EffectiveServers.Where(s => !Machines.ContainsKey(s.Value)))
            {
                var machine = new Machine(server.Value.ToLowerInvariant(), pool.RoleValue.ToString(), domainJoined: pool.RoleValue != PoolRole.Edge, hasPkiModule: true);
                Add(machine);
                if (machine.Role is "FrontEnd" or "StandardEdition")
                {
                    // A new Front End gets the global OAuthTokenIssuer certificates from its CMS replica.
                    foreach (var entry in GlobalAssignments.Values.SelectMany(e => e))
                    {
                        if (Machines.Values.Select(x => x.InMy(entry.Thumbprint)).FirstOrDefault(x => x is not null) is { } held && machine.InMy(entry.Thumbprint) is null)
                        {
                            machine.My.Add(new StoredCertificate(held.Certificate, held.FriendlyName, true, held.Key));
                        }
                    }
                }
            }
        }
    }

    /// <summary>A server taken out of service: its certificates and assignments are no longer anyone's concern.</summary>
    public void Decommission(string fqdn) => Machines.Remove(fqdn);

    private void Add(Machine machine)
    {
        Machines[machine.Fqdn] = machine;

        // Windows ships the public roots (the root program); group policy gives domain members the
        // enterprise root. A workgroup Edge or reverse proxy has only the public ones.
        machine.Trust(PublicCa.Root, "Root");
        if (machine.DomainJoined)
        {
            machine.Trust(InternalCa.Root, "Root");
            machine.Trust(InternalCa.Intermediate, "CA");
        }
    }

    public const string ReverseProxyFqdn = "rp01.contoso.com";

    public const string OfficeWebAppsMachine = "owa01.contoso.com";

    /// <summary>The enterprise CA's config string ("host\\name"); a request to any other CA fails, so the scripts must pass it exactly.</summary>
    public string InternalCaConfig { get; set; } = "ca01.contoso.com\\Contoso Issuing CA";

    public LyncTopology Topology { get; private set; }

    public DateTimeOffset Now { get; set; }

    public TimeSpan Validity { get; set; } = TimeSpan.FromDays(365);

    public TestPki InternalCa { get; } = new("Contoso");

    public TestPki PublicCa { get; } = new("Public");

    /// <summary>The enterprise CA's certificate manager must approve each request first.</summary>
    public bool CaRequiresApproval { get; set; }

    public Dictionary<string, Machine> Machines { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Global assignments (Set-CsCertificate -Identity Global), by usage.</summary>
    public Dictionary<string, List<CsReference>> GlobalAssignments { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every roll-over staged: where, which usage, the certificate it replaces and when it takes effect.</summary>
    public List<(string Scope, string Usage, string From, string To, DateTimeOffset StagedAt, DateTimeOffset Effective)> Rolls { get; } = [];

    /// <summary>The bound parameters of every Request-CsCertificate -New, in order.</summary>
    public List<Hashtable> CmdletRequests { get; } = [];

    /// <summary>The arguments of every certreq.exe call, in order.</summary>
    public List<string[]> CertreqCalls { get; } = [];

    /// <summary>Every state-changing command the scripts ran, in order (machine, command, detail).</summary>
    public List<(string Machine, string Command, string Detail)> Log { get; } = [];

    /// <summary>Requests held by the enterprise CA: id, request, issued certificate once approved.</summary>
    public Dictionary<int, (CertificateRequest Request, bool Approved)> CaQueue { get; } = [];

    public Machine this[string fqdn] => Machines[fqdn];

    public DateTime LocalNow => Now.LocalDateTime;

    public void Dispose()
    {
        InternalCa.Dispose();
        PublicCa.Dispose();
    }

    // ---- Certificate stores ---------------------------------------------------------------------

    /// <summary>Get-ChildItem Cert:\LocalMachine\&lt;store&gt;: the certificate objects the certificate provider returns.</summary>
    public PSObject[] List(string machine, string path)
    {
        const string prefix = "Cert:\\LocalMachine\\";
        if (!path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !this[machine].Stores.TryGetValue(path[prefix.Length..], out var store))
        {
            throw new InvalidOperationException($"stand-in Get-ChildItem serves Cert:\\LocalMachine\\My, Root, CA and REQUEST, not {path}");
        }

        return [.. store.Select(Wrap)];
    }

    /// <summary>
    /// The certificate provider's object: the X509Certificate2 (its DnsNameList property comes from
    /// LifecycleStandIns.ps1) with the store entry's friendly name.
    /// </summary>
    private static PSObject Wrap(StoredCertificate stored)
    {
        var o = new PSObject(stored.Certificate);
        o.Properties.Add(new PSNoteProperty("FriendlyName", stored.FriendlyName));
        return o;
    }

    // ---- certreq.exe ----------------------------------------------------------------------------

    /// <summary>
    /// certreq.exe as learn.microsoft.com "certreq" documents it: -new builds the request from the INF
    /// and keeps the key in the REQUEST store; -submit sends it to the enterprise CA (-config), which only
    /// a domain member reaches; -retrieve fetches a request the CA held; -accept installs the answer with
    /// its pending key — only when the answer chains to a trusted root of this machine.
    /// </summary>
    public (int ExitCode, string[] Output) Certreq(string machine, string[] arguments)
    {
        var m = this[machine];
        if (arguments.Length == 0)
        {
            return Fail("certreq: no verb");
        }

        CertreqCalls.Add(arguments);
        var verb = arguments[0];
        var files = new List<string>();
        string? config = null;
        for (var i = 1; i < arguments.Length; i++)
        {
            switch (arguments[i])
            {
                case "-f" or "-q" or "-machine":
                    break;
                case "-config":
                    config = arguments[++i];
                    break;
                case "-attrib":
                    i++;
                    break;
                case var option when option.StartsWith('-'):
                    throw new InvalidOperationException($"stand-in certreq: unknown option '{option}'");
                default:
                    files.Add(arguments[i]);
                    break;
            }
        }

        Log.Add((machine, "certreq " + verb, string.Join(' ', files.Select(Path.GetFileName))));
        return verb switch
        {
            "-new" => New(m, files),
            "-submit" => Submit(m, config, files),
            "-retrieve" => Retrieve(m, config, files),
            "-accept" => Accept(m, files),
            _ => throw new InvalidOperationException($"stand-in certreq: unknown verb '{verb}'"),
        };
    }

    private static (int, string[]) Fail(string message, int code = unchecked((int)0x80070057)) => (code, [message]);

    private (int, string[]) New(Machine m, List<string> files)
    {
        if (files.Count != 2 || !File.Exists(files[0]))
        {
            return Fail("certreq -new: needs an existing INF and a request file");
        }

        var inf = InfDocument.Parse(File.ReadAllText(files[0]));
        Assert.Equal("TRUE", inf.Value("NewRequest", "MachineKeySet")); // else the key lands in the user's store
        Assert.Equal("PKCS10", inf.Value("NewRequest", "RequestType"));
        var hash = inf.Value("NewRequest", "HashAlgorithm").ToUpperInvariant() switch
        {
            "SHA256" => HashAlgorithmName.SHA256,
            "SHA384" => HashAlgorithmName.SHA384,
            "SHA512" => HashAlgorithmName.SHA512,
            var other => throw new InvalidOperationException("stand-in certreq: HashAlgorithm " + other),
        };
        var key = RSA.Create(int.Parse(inf.Value("NewRequest", "KeyLength"), System.Globalization.CultureInfo.InvariantCulture));
        var subject = new X500DistinguishedNameBuilder();
        foreach (var (rdn, value) in InfDocument.ParseSubject(inf.Value("NewRequest", "Subject")))
        {
            switch (rdn)
            {
                case "CN": subject.AddCommonName(value); break;
                case "OU": subject.AddOrganizationalUnitName(value); break;
                case "O": subject.AddOrganizationName(value); break;
                case "L": subject.AddLocalityName(value); break;
                case "S": subject.AddStateOrProvinceName(value); break;
                case "C": subject.AddCountryOrRegion(value); break;
                default: throw new InvalidOperationException("stand-in certreq: subject RDN " + rdn);
            }
        }

        var request = new CertificateRequest(subject.Build(), key, hash, RSASignaturePadding.Pkcs1);
        var sans = new SubjectAlternativeNameBuilder();
        foreach (var line in inf.Values("Extensions", "_continue_"))
        {
            foreach (var part in line.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                Assert.StartsWith("dns=", part, StringComparison.Ordinal);
                sans.AddDnsName(part[4..]);
            }
        }

        request.CertificateExtensions.Add(sans.Build());
        var ekus = new OidCollection();
        foreach (var oid in inf.Values("EnhancedKeyUsageExtension", "OID"))
        {
            ekus.Add(new Oid(oid));
        }

        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(ekus, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, false));
        File.WriteAllText(files[1], request.CreateSigningRequestPem().Replace("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST", StringComparison.Ordinal));

        // The pending request: a self-signed placeholder holding the key, in the REQUEST store.
        var placeholder = request.CreateSelfSigned(Now.AddMinutes(-1), Now.AddYears(1));
        m.Stores["REQUEST"].Add(new StoredCertificate(placeholder, inf.Value("NewRequest", "FriendlyName"), inf.Value("NewRequest", "Exportable") == "TRUE", key));
        return (0, ["CertReq: Request Created"]);
    }

    private (int, string[]) Submit(Machine m, string? config, List<string> files)
    {
        if (!m.DomainJoined)
        {
            // A workgroup server in the perimeter network does not reach the enterprise CA's DCOM interface.
            return Fail("Certificate Request Processor: The RPC server is unavailable. 0x800706ba (WIN32: 1722 RPC_S_SERVER_UNAVAILABLE)", unchecked((int)0x800706ba));
        }

        if (config != InternalCaConfig || files.Count != 2)
        {
            return Fail($"certreq -submit: unknown CA '{config}' or wrong files");
        }

        var pem = File.ReadAllText(files[0]).Replace("NEW CERTIFICATE REQUEST", "CERTIFICATE REQUEST", StringComparison.Ordinal);
        var request = CertificateRequest.LoadSigningRequestPem(pem, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        var id = _nextRequestId++;
        if (CaRequiresApproval)
        {
            CaQueue[id] = (request, false);
            return (0, [$"RequestId: {id}", $"RequestId: \"{id}\"", "Certificate request is pending: Taken Under Submission (0)"]);
        }

        WriteAnswer(files[1], InternalCa.Sign(request, Now.AddHours(-1), Now + Validity));
        return (0, [$"RequestId: {id}", $"RequestId: \"{id}\"", "Certificate retrieved(Issued) Issued"]);
    }

    private (int, string[]) Retrieve(Machine m, string? config, List<string> files)
    {
        if (!m.DomainJoined || config != InternalCaConfig || files.Count != 2 || !int.TryParse(files[0], out var id) || !CaQueue.TryGetValue(id, out var held))
        {
            return Fail("certreq -retrieve: unknown request or CA");
        }

        if (!held.Approved)
        {
            return (0, [$"RequestId: {id}", "Certificate retrieved(Pending) Taken Under Submission"]);
        }

        WriteAnswer(files[1], InternalCa.Sign(held.Request, Now.AddHours(-1), Now + Validity));
        CaQueue.Remove(id);
        return (0, [$"RequestId: {id}", "Certificate retrieved(Issued) Issued"]);
    }

    /// <summary>The CA manager approves every held request (certsrv "Issue").</summary>
    public void ApproveAll()
    {
        foreach (var id in CaQueue.Keys.ToList())
        {
            CaQueue[id] = (CaQueue[id].Request, true);
        }
    }

    private static void WriteAnswer(string path, X509Certificate2 certificate) => File.WriteAllText(path, certificate.ExportCertificatePem());

    private (int, string[]) Accept(Machine m, List<string> files)
    {
        if (files.Count != 1 || !File.Exists(files[0]))
        {
            return Fail("certreq -accept: needs an existing answer");
        }

        var answer = ReadCertificates(files[0]);
        var leaf = answer.Cast<X509Certificate2>().FirstOrDefault(c => !IsAuthority(c));
        var pending = leaf is null ? null : m.Stores["REQUEST"].FirstOrDefault(r => r.PublicKey.AsSpan().SequenceEqual(leaf.PublicKey.EncodedKeyValue.RawData));
        if (leaf is null || pending is null)
        {
            return Fail("Cannot find object or property. 0x80092004 (-2146885628 CRYPT_E_NOT_FOUND)", unchecked((int)0x80092004));
        }

        if (!ChainsToTrustedRoot(m, leaf, answer))
        {
            return Fail("A certificate chain processed, but terminated in a root certificate which is not trusted by the trust provider. 0x800b0109 (-2146762487 CERT_E_UNTRUSTEDROOT)", unchecked((int)0x800b0109));
        }

        m.Stores["REQUEST"].Remove(pending);
        m.My.Add(new StoredCertificate(leaf.CopyWithPrivateKey(pending.Key!), pending.FriendlyName, pending.Exportable, pending.Key));
        return (0, ["Installed Certificate:", $"  Serial Number: {leaf.SerialNumber}", $"  Subject: {leaf.Subject}", $"  Thumbprint: {leaf.Thumbprint}"]);
    }

    private static X509Certificate2Collection ReadCertificates(string path)
    {
        var collection = new X509Certificate2Collection();
        var text = File.ReadAllText(path);
        if (text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            collection.ImportFromPem(text);
        }
        else if (System.Formats.Asn1.AsnDecoder.TryReadEncodedValue(File.ReadAllBytes(path), System.Formats.Asn1.AsnEncodingRules.BER, out _, out _, out _, out _) &&
                 CertificateFacts.OpensWith(File.ReadAllBytes(path), System.Formats.Asn1.Asn1Tag.ObjectIdentifier))
        {
            // A PKCS#7 answer: the certificate with the CA chain.
            var cms = new System.Security.Cryptography.Pkcs.SignedCms();
            cms.Decode(File.ReadAllBytes(path));
            collection.AddRange(cms.Certificates);
        }
        else
        {
            collection.Add(X509CertificateLoader.LoadCertificate(File.ReadAllBytes(path)));
        }

        return collection;
    }

    private static bool IsAuthority(X509Certificate2 c) =>
        c.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault()?.CertificateAuthority == true;

    private bool ChainsToTrustedRoot(Machine m, X509Certificate2 leaf, X509Certificate2Collection extra)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = Now.UtcDateTime;
        chain.ChainPolicy.CustomTrustStore.AddRange((m.Stores["Root"].Select(r => r.Certificate)).ToArray());
        chain.ChainPolicy.ExtraStore.AddRange((m.Stores["CA"].Select(r => r.Certificate)).ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(extra);
        return chain.Build(leaf);
    }

    // ---- Request-CsCertificate ------------------------------------------------------------------

    /// <summary>
    /// Request-CsCertificate -New (learn.microsoft.com Request-CsCertificate): on a domain member, an
    /// online request to the enterprise CA (-CA, or the one Active Directory names) for the computer's
    /// pool: the subject is the pool FQDN, the cmdlet computes its own SANs from the topology (pool,
    /// computer, web services FQDNs, simple URLs) and adds -DomainName. The issued certificate is
    /// installed in LocalMachine\My; a request the CA holds for approval is kept for -Retrieve.
    /// </summary>
    public PSObject? RequestCsCertificate(string machine, Hashtable bound)
    {
        var m = this[machine];
        CmdletRequests.Add(bound);
        var types = ((IEnumerable)Unwrap(bound["Type"])!).Cast<object>().Select(t => t.ToString()!).ToArray();
        if (!m.DomainJoined)
        {
            throw new InvalidOperationException("Request-CsCertificate: the computer is not a domain member and cannot reach the enterprise CA");
        }

        if (bound["CA"] is { } ca && (string)Unwrap(ca)! != InternalCaConfig)
        {
            throw new InvalidOperationException("Request-CsCertificate: unknown CA " + ca);
        }

        var computer = bound["ComputerFqdn"] is { } c ? (string)Unwrap(c)! : m.Fqdn;
        Assert.Equal(m.Fqdn, computer, ignoreCase: true); // the scripts request for the computer they run on
        var names = CmdletNames(computer, types);
        var subject = names[0];
        if (bound["DomainName"] is { } extra)
        {
            names.AddRange(((string)Unwrap(extra)!).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        var keySize = bound["KeySize"] is { } size ? Convert.ToInt32(Unwrap(size), System.Globalization.CultureInfo.InvariantCulture) : 2048;
        var exportable = bound["PrivateKeyExportable"] is { } e && (bool)Unwrap(e)!;
        var friendly = bound["FriendlyName"] is { } f ? (string)Unwrap(f)! : string.Empty;
        var key = RSA.Create(keySize);
        var request = new CertificateRequest("CN=" + subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var sans = new SubjectAlternativeNameBuilder();
        foreach (var name in names.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            sans.AddDnsName(name.ToLowerInvariant());
        }

        request.CertificateExtensions.Add(sans.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        Log.Add((machine, "Request-CsCertificate", string.Join(",", types)));
        if (CaRequiresApproval)
        {
            var id = _nextRequestId++;
            CaQueue[id] = (request, false);
            m.CmdletPending.Add((id, types));
            _cmdletKeys[id] = (key, friendly, exportable);
            return null;
        }

        return Install(m, InternalCa.Sign(request, Now.AddHours(-1), Now + Validity), key, friendly, exportable);
    }

    private readonly Dictionary<int, (RSA Key, string FriendlyName, bool Exportable)> _cmdletKeys = [];

    /// <summary>Request-CsCertificate -List: the requests the cmdlet made on this computer that the CA has not issued.</summary>
    public PSObject[] RequestCsList(string machine) =>
        [.. this[machine].CmdletPending.Select(p =>
        {
            var o = new PSObject();
            o.Properties.Add(new PSNoteProperty("RequestId", p.RequestId));
            o.Properties.Add(new PSNoteProperty("Type", string.Join(",", p.Types)));
            return o;
        })];

    /// <summary>Request-CsCertificate -Retrieve -RequestId: installs the certificate once the CA issued it.</summary>
    public void RequestCsRetrieve(string machine, int requestId)
    {
        var m = this[machine];
        Log.Add((machine, "Request-CsCertificate -Retrieve", requestId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (!CaQueue.TryGetValue(requestId, out var held) || !held.Approved)
        {
            return;
        }

        var (key, friendly, exportable) = _cmdletKeys[requestId];
        Install(m, InternalCa.Sign(held.Request, Now.AddHours(-1), Now + Validity), key, friendly, exportable);
        CaQueue.Remove(requestId);
        m.CmdletPending.RemoveAll(p => p.RequestId == requestId);
    }

    private static PSObject Install(Machine m, X509Certificate2 issued, RSA key, string friendlyName, bool exportable)
    {
        var stored = new StoredCertificate(issued.CopyWithPrivateKey(key), friendlyName, exportable, key);
        m.My.Add(stored);
        return Wrap(stored);
    }

    /// <summary>The names Request-CsCertificate derives from the topology for the computer's roles.</summary>
    private List<string> CmdletNames(string computer, string[] types)
    {
        if (types.Contains("OAuthTokenIssuer"))
        {
            return [Topology.DefaultSipDomain!.Value];
        }

        var pool = Topology.Pools.First(p => p.EffectiveServers.Any(s => s.Value.Equals(computer, StringComparison.OrdinalIgnoreCase)));
        var names = new List<string> { pool.Fqdn.Value, computer };
        if (types.Any(t => t.StartsWith("WebServices", StringComparison.Ordinal)))
        {
            names.Add(pool.InternalWebFqdn?.Value ?? pool.Fqdn.Value);
            if (pool.ExternalWebFqdn is { } external)
            {
                names.Add(external.Value);
            }

            var urls = Topology.SimpleUrlsFor(Topology.Sites.First(s => s.Pools.Contains(pool)));
            names.AddRange(urls.Meet.Select(u => Naming.SimpleUrl.Host(u.Url.Value)).OfType<string>());
            if (urls.Dialin is { } dialin && Naming.SimpleUrl.Host(dialin.Value) is { } host)
            {
                names.Add(host);
            }
        }

        return names;
    }

    // ---- Set-CsCertificate, Get-CsCertificate, Remove-CsCertificate -----------------------------

    private List<CsReference> Entries(Machine m, string usage, bool global)
    {
        var map = global ? GlobalAssignments : m.Assignments;
        if (!map.TryGetValue(usage, out var list))
        {
            map[usage] = list = [];
        }

        return list;
    }

    /// <summary>The entry in effect now: the latest whose EffectiveDate has come.</summary>
    public static CsReference? InEffect(IEnumerable<CsReference> entries, DateTimeOffset now) =>
        entries.Where(e => e.EffectiveDate <= now).OrderByDescending(e => e.EffectiveDate).FirstOrDefault();

    /// <summary>
    /// Set-CsCertificate (learn.microsoft.com Set-CsCertificate; "Staging AV and OAuth certificates
    /// using -Roll in Set-CsCertificate"): only a certificate already in the computer's store with its
    /// private key can be assigned, and only for a usage of the computer's role. -Identity Global is the
    /// OAuthTokenIssuer, which the Central Management Store replicates to every Front End (its key must
    /// be exportable). -Roll requires -EffectiveDate: the new certificate is staged beside the one in
    /// effect and takes over at that date.
    /// </summary>
    public void SetCsCertificate(string machine, string[] types, string thumbprint, string? identity, bool roll, DateTime? effectiveDate)
    {
        var m = this[machine];
        var global = identity is not null;
        if (global)
        {
            Assert.Equal("Global", identity, ignoreCase: true);
            Assert.Equal(["OAuthTokenIssuer"], types);
        }

        foreach (var usage in types)
        {
            Assert.True(UsagesOf(m.Role).Contains(usage) || (global && usage == "OAuthTokenIssuer" && m.Role is "FrontEnd" or "StandardEdition"), $"Set-CsCertificate: {usage} is not a usage of the {m.Role} role on {machine}");
        }

        var stored = m.InMy(thumbprint) ?? throw new InvalidOperationException($"Set-CsCertificate: the certificate {thumbprint} is not in the local computer store of {machine}");
        if (stored.Key is null)
        {
            throw new InvalidOperationException($"Set-CsCertificate: the certificate {thumbprint} has no private key on {machine}");
        }

        if (global)
        {
            if (!stored.Exportable)
            {
                throw new InvalidOperationException("Set-CsCertificate: the OAuthTokenIssuer certificate's private key must be exportable, so the Central Management Store can replicate it");
            }

            foreach (var frontEnd in Machines.Values.Where(x => x.Role is "FrontEnd" or "StandardEdition" && x.InMy(thumbprint) is null))
            {
                frontEnd.My.Add(new StoredCertificate(stored.Certificate, stored.FriendlyName, true, stored.Key));
            }
        }

        foreach (var usage in types)
        {
            var entries = Entries(m, usage, global);
            var current = InEffect(entries, Now);
            if (roll)
            {
                var when = effectiveDate ?? throw new InvalidOperationException("Set-CsCertificate: -Roll requires -EffectiveDate");
                var effective = new DateTimeOffset(when.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(when, DateTimeKind.Local) : when);
                Assert.True(effective > Now, $"Set-CsCertificate -Roll: the effective date {effective:u} is not in the future ({Now:u})");
                entries.RemoveAll(e => e != current);
                entries.Add(new CsReference(thumbprint, effective, current?.Thumbprint));
                Rolls.Add((global ? "Global" : machine, usage, current?.Thumbprint ?? string.Empty, thumbprint, Now, effective));
            }
            else
            {
                entries.Clear();
                entries.Add(new CsReference(thumbprint, Now, current?.Thumbprint));
            }
        }

        Log.Add((machine, "Set-CsCertificate", $"{string.Join(",", types)} {thumbprint}{(roll ? " -Roll " + effectiveDate : string.Empty)}{(global ? " Global" : string.Empty)}"));
    }

    /// <summary>Get-CsCertificate: the certificate references of the computer (or Global), with their certificate's dates.</summary>
    public PSObject[] GetCsCertificate(string machine, string[]? types, string? identity)
    {
        var m = this[machine];
        // Without -Identity a Front End lists its own certificates and the global OAuthTokenIssuer it holds.
        var map = identity is not null ? GlobalAssignments
            : m.Role is "FrontEnd" or "StandardEdition" ? m.Assignments.Concat(GlobalAssignments).ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase)
            : m.Assignments;
        var result = new List<PSObject>();
        foreach (var (usage, entries) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (types is not null && !types.Contains(usage, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var e in entries)
            {
                var stored = m.InMy(e.Thumbprint) ?? Machines.Values.Select(x => x.InMy(e.Thumbprint)).FirstOrDefault(x => x is not null);
                var o = new PSObject();
                o.Properties.Add(new PSNoteProperty("Use", usage));
                o.Properties.Add(new PSNoteProperty("Thumbprint", e.Thumbprint));
                o.Properties.Add(new PSNoteProperty("Subject", stored?.Certificate.Subject));
                o.Properties.Add(new PSNoteProperty("Issuer", stored?.Certificate.Issuer));
                o.Properties.Add(new PSNoteProperty("NotBefore", stored?.Certificate.NotBefore));
                o.Properties.Add(new PSNoteProperty("NotAfter", stored?.Certificate.NotAfter));
                o.Properties.Add(new PSNoteProperty("SerialNumber", stored?.Certificate.SerialNumber));
                o.Properties.Add(new PSNoteProperty("AlternativeNames", stored is null ? Array.Empty<string>() : CertificateFacts.DnsNames(stored.Certificate).ToArray()));
                o.Properties.Add(new PSNoteProperty("EffectiveDate", e.EffectiveDate.LocalDateTime));
                o.Properties.Add(new PSNoteProperty("PreviousThumbprint", e.PreviousThumbprint));
                result.Add(o);
            }
        }

        return [.. result];
    }

    /// <summary>
    /// Remove-CsCertificate -Previous: removes the certificate a roll-over replaced. The stand-in refuses
    /// while the staged certificate is not yet in effect (removing the current one then would leave the
    /// usage without a certificate until the effective date).
    /// </summary>
    public void RemoveCsPrevious(string machine, string[] types, string? identity)
    {
        foreach (var usage in types)
        {
            var entries = Entries(this[machine], usage, identity is not null);
            if (entries.Any(e => e.EffectiveDate > Now))
            {
                throw new InvalidOperationException($"Remove-CsCertificate -Previous: the staged {usage} certificate is not in effect yet");
            }

            var current = InEffect(entries, Now);
            entries.RemoveAll(e => e != current);
        }

        Log.Add((machine, "Remove-CsCertificate -Previous", string.Join(",", types)));
    }

    /// <summary>The usages Set-CsCertificate accepts on a role (learn.microsoft.com Set-CsCertificate, -Type).</summary>
    public static IReadOnlySet<string> UsagesOf(string role) => role switch
    {
        "FrontEnd" or "StandardEdition" or "Director" => new HashSet<string> { "Default", "WebServicesInternal", "WebServicesExternal" },
        "Mediation" or "PersistentChat" or "SurvivableBranch" => new HashSet<string> { "Default" },
        "Edge" => new HashSet<string> { "Internal", "AccessEdgeExternal", "DataEdgeExternal", "AudioVideoAuthentication", "XmppServer" },
        _ => new HashSet<string>(),
    };

    // ---- PFX and CA certificates: the PKI module and certutil -----------------------------------

    /// <summary>
    /// Export-PfxCertificate (learn.microsoft.com Export-PfxCertificate) and certutil -exportPFX: the
    /// certificate with its private key and the chain this machine knows; refused for a key that is not
    /// exportable.
    /// </summary>
    public void ExportPfx(string machine, string thumbprint, string path, string password)
    {
        var m = this[machine];
        var stored = m.InMy(thumbprint) ?? throw new InvalidOperationException("export: no certificate " + thumbprint);
        if (!stored.Exportable)
        {
            throw new InvalidOperationException("Cannot export the private key of " + thumbprint + ": the key is not exportable");
        }

        // With the chain as this machine builds it (Export-PfxCertificate -ChainOption BuildChain).
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = Now.UtcDateTime;
        chain.ChainPolicy.CustomTrustStore.AddRange((m.Stores["Root"].Select(r => r.Certificate)).ToArray());
        chain.ChainPolicy.ExtraStore.AddRange((m.Stores["CA"].Select(r => r.Certificate)).ToArray());
        chain.Build(stored.Certificate);
        var collection = new X509Certificate2Collection(stored.Certificate);
        collection.AddRange((chain.ChainElements.Skip(1).Select(e => X509CertificateLoader.LoadCertificate(e.Certificate.RawData))).ToArray());
        File.WriteAllBytes(path, collection.Export(X509ContentType.Pfx, password)!);
        Log.Add((machine, "export PFX", thumbprint));
    }

    /// <summary>
    /// Import-PfxCertificate (learn.microsoft.com Import-PfxCertificate) and certutil -importPFX: the
    /// end-entity certificate with its key into LocalMachine\My; a wrong password fails.
    /// </summary>
    public void ImportPfx(string machine, string path, string password, bool exportable)
    {
        var m = this[machine];
        X509Certificate2Collection collection;
        try
        {
            collection = X509CertificateLoader.LoadPkcs12Collection(File.ReadAllBytes(path), password, X509KeyStorageFlags.Exportable);
        }
        catch (CryptographicException)
        {
            throw new InvalidOperationException("The PFX file could not be imported: the specified network password is not correct.");
        }

        foreach (var certificate in collection.Cast<X509Certificate2>().Where(c => c.HasPrivateKey))
        {
            if (m.InMy(certificate.Thumbprint) is null)
            {
                m.My.Add(new StoredCertificate(certificate, string.Empty, exportable, certificate.GetRSAPrivateKey()));
            }
        }

        Log.Add((machine, "import PFX", Path.GetFileName(path)));
    }

    /// <summary>Import-Certificate -CertStoreLocation (learn.microsoft.com Import-Certificate) and certutil -addstore.</summary>
    public void ImportCertificate(string machine, string path, string store)
    {
        foreach (var certificate in ReadCertificates(path).Cast<X509Certificate2>())
        {
            this[machine].Trust(certificate, store);
        }

        Log.Add((machine, "import certificate", store));
    }

    /// <summary>
    /// X509Store.Add on a LocalMachine store (learn.microsoft.com X509Store): the certificate, with the
    /// private key it carries (a PFX imported with MachineKeySet, PersistKeySet and Exportable).
    /// </summary>
    public void AddToStore(string machine, X509Certificate2 certificate, string store)
    {
        var m = this[machine];
        if (m.Stores[store].Any(c => c.Thumbprint.Equals(certificate.Thumbprint, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var key = certificate.HasPrivateKey ? certificate.GetRSAPrivateKey() : null;
        m.Stores[store].Add(new StoredCertificate(certificate, string.Empty, key is not null, key));
        Log.Add((machine, "X509Store.Add " + store, certificate.Thumbprint));
    }

    // ---- What the tests assert ------------------------------------------------------------------

    /// <summary>
    /// Every usage ever assigned, on every machine and globally, that has no valid certificate in effect
    /// now: none in effect, not in the store with its key, outside its validity, or missing a planned name.
    /// </summary>
    public IReadOnlyList<string> Gaps(CertificatePlan plan)
    {
        var gaps = new List<string>();
        foreach (var m in Machines.Values)
        {
            foreach (var (usage, entries) in m.Assignments)
            {
                var planned = plan.Certificates.FirstOrDefault(c => c.Servers.Contains(m.Fqdn) && c.Usages.Contains(usage));
                Check(m, usage, entries, planned, m.Fqdn);
            }
        }

        foreach (var (usage, entries) in GlobalAssignments)
        {
            foreach (var frontEnd in Machines.Values.Where(x => x.Role is "FrontEnd" or "StandardEdition"))
            {
                Check(frontEnd, usage, entries, plan.Certificates.FirstOrDefault(c => c.Usages.Contains(usage)), "Global on " + frontEnd.Fqdn);
            }
        }

        return gaps;

        void Check(Machine m, string usage, List<CsReference> entries, PlannedCertificate? planned, string where)
        {
            var current = InEffect(entries, Now);
            var stored = current is null ? null : m.InMy(current.Thumbprint);
            if (stored?.Key is null)
            {
                gaps.Add($"{where} {usage}: no certificate with its key in effect");
            }
            else if (stored.Certificate.NotBefore > Now.LocalDateTime || stored.Certificate.NotAfter <= Now.LocalDateTime)
            {
                gaps.Add($"{where} {usage}: {stored.Thumbprint} is not valid at {Now:u} (ends {stored.Certificate.NotAfter:u})");
            }
            else if (planned is not null && planned.SanNames.Except(CertificateFacts.DnsNames(stored.Certificate)).ToList() is { Count: > 0 } missing)
            {
                gaps.Add($"{where} {usage}: {stored.Thumbprint} lacks {string.Join(", ", missing)}");
            }
        }
    }

    /// <summary>The thumbprint in effect now for a usage on a machine (or Global).</summary>
    public string? Assigned(string machine, string usage) =>
        (machine == "Global" ? GlobalAssignments : this[machine].Assignments).TryGetValue(usage, out var entries) ? InEffect(entries, Now)?.Thumbprint : null;

    /// <summary>Everything a script may change, as text: stores, assignments, pending requests, the CA's queue.</summary>
    public string Snapshot()
    {
        var sb = new System.Text.StringBuilder();
        foreach (var m in Machines.Values.OrderBy(x => x.Fqdn, StringComparer.Ordinal))
        {
            foreach (var (store, list) in m.Stores.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                foreach (var c in list)
                {
                    sb.Append(m.Fqdn).Append(' ').Append(store).Append(' ').Append(c.Thumbprint).Append(' ').Append(c.FriendlyName).Append(' ').Append(c.Exportable).Append('\n');
                }
            }

            foreach (var (usage, entries) in m.Assignments.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                sb.Append(m.Fqdn).Append(' ').Append(usage).Append(' ').AppendJoin(';', entries).Append('\n');
            }

            sb.Append(m.Fqdn).Append(" pending ").AppendJoin(';', m.CmdletPending.Select(p => p.RequestId)).Append('\n');
        }

        foreach (var (usage, entries) in GlobalAssignments.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sb.Append("Global ").Append(usage).Append(' ').AppendJoin(';', entries).Append('\n');
        }

        sb.Append("CA ").AppendJoin(';', CaQueue.Select(q => q.Key + ":" + q.Value.Approved)).Append('\n');
        return sb.ToString();
    }

    private static object? Unwrap(object? value) => value is PSObject p ? p.BaseObject : value;
}
